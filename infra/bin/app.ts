// The CDK app: `npx cdk synth` (offline, no credentials) or `npx cdk deploy -c regionPrincipals=...`.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { ensureWebBuilt } from '@modellregionen/web/build';
import { backendPropsFromContext, ModellregionenStack } from '../lib/stack';

// The web app's files are an asset of the stack: build them when their sources changed (about a
// second; a current build costs a digest of the sources). stdout is the CLI's: log to stderr.
await ensureWebBuilt({ log: (line) => console.error(line) });

const app = new App();
new ModellregionenStack(app, app.node.tryGetContext('stackName') ?? 'Modellregionen', {
  description: 'Reporting backend of the Hessian programme "Modellregionen Integration"',
  ...(process.env.CDK_DEFAULT_ACCOUNT ? { env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'eu-central-1' } } : {}),
  backend: backendPropsFromContext(app.node),
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }), new ServerlessChecks(app, { verbose: true }));
app.synth();
