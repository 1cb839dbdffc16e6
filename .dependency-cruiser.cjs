// The shape of the tree, checked by `npm test` (depcruise --validate): no import cycles, the
// layers in their order (aws-json -> lambda-kit, and events -> domain -> store -> aggregation /
// webhooks / api -> functions, infra, local), and nothing local-only reachable from a Lambda function.
const pkg = (name) => `^packages/${name}/src/`;
const notTests = '(^|/)test/|\\.test\\.tsx?$';

/** Each layer, and what it may not import. */
const layers = [
  { name: 'aws-json', from: pkg('aws-json'), forbidden: ['^events/', '^packages/(?!aws-json/)'] },
  { name: 'event-patterns', from: pkg('event-patterns'), forbidden: ['^events/src/', '^packages/(?!event-patterns/)'] },
  { name: 'events', from: '^events/src/', forbidden: ['^packages/'] },
  { name: 'domain', from: pkg('domain'), forbidden: ['^packages/(?!domain/)'] },
  { name: 'lambda-kit', from: pkg('lambda-kit'), forbidden: ['^packages/(?!lambda-kit/|aws-json/)'] },
  { name: 'store', from: pkg('store'), forbidden: ['^packages/(aggregation|api|webhooks|lambda-kit|local|web)/', '^functions/', '^infra/'] },
  { name: 'aggregation', from: pkg('aggregation'), forbidden: ['^packages/(api|webhooks|local|web)/', '^functions/', '^infra/'] },
  { name: 'webhooks', from: pkg('webhooks'), forbidden: ['^packages/(aggregation|api|local|web)/', '^functions/', '^infra/'] },
  { name: 'api', from: pkg('api'), forbidden: ['^packages/(aggregation|local|web)/', '^functions/', '^infra/'] },
  { name: 'web', from: pkg('web'), forbidden: ['^packages/(?!web/)', '^events/', '^functions/', '^infra/'] },
  { name: 'infra', from: '^infra/', forbidden: ['^packages/local/', '^functions/'] },
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: the modules on it cannot be understood, tested or loaded one at a time.',
      from: {},
      to: { circular: true },
    },
    ...layers.map(({ name, from, forbidden }) => ({
      name: `layer-${name}`,
      severity: 'error',
      comment: `${name} may not import a later layer (see the top of .dependency-cruiser.cjs).`,
      from: { path: from, pathNot: notTests },
      to: { path: forbidden },
    })),
    {
      name: 'no-local-in-lambda',
      severity: 'error',
      comment: 'Local-only code (the development issuer, the local adapter, the local runtime) must not be reachable from a Lambda function.',
      from: { path: '^functions/[^/]+/handler\\.ts$' },
      to: { path: '^packages/local/', reachable: true },
    },
    {
      name: 'no-tests-in-production',
      severity: 'error',
      comment: 'Code that ships may not import test support.',
      from: { path: '^(events/src|packages/[^/]+/src|functions|infra/lib|infra/bin)/', pathNot: notTests },
      to: { path: notTests },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|cdk\\.out|dist)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
