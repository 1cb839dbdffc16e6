// `npm run token -- --role coordinator --region wetzlar` (or --role ministry, or --role subscriber
// --municipality <name>): prints a token of the local issuer, valid only against the local runtime.
import { parseArgs } from 'node:util';
import { MAX_TOKEN_LIFETIME_SECONDS, ROLES, type Role } from '@modellregionen/api';
import { openDevIssuer } from '../dev-issuer';
import { defaultCatalogue } from '@modellregionen/events';
import { devIssuerKeyFile } from '../runtime';

const USAGE = `usage: npm run token -- --role coordinator --region <regionId>
       npm run token -- --role ministry
       npm run token -- --role subscriber --municipality <name>
options: --name <display name>  --hours <lifetime, at most 24, default 12>  --data-dir <dir, default .data>`;

const fail = (message: string): never => {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
};

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    region: { type: 'string' },
    municipality: { type: 'string' },
    name: { type: 'string' },
    hours: { type: 'string', default: '12' },
    'data-dir': { type: 'string' },
  },
});

const role = values.role as Role | undefined;
if (role === undefined || !ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
if (role === 'coordinator') {
  const regions = defaultCatalogue.regions.filter((r) => r.role !== 'subscriber').map((r) => r.id);
  if (!values.region || !regions.includes(values.region)) fail(`--region must be one of ${regions.join(', ')}`);
}
if (role === 'subscriber' && !values.municipality) fail('--municipality is required for a subscriber');
const hours = Number(values.hours);
const maxHours = MAX_TOKEN_LIFETIME_SECONDS / 3600;
// The API refuses tokens that live longer (as Cognito never issues them).
if (!(hours > 0 && hours <= maxHours)) fail(`--hours must be more than 0 and at most ${maxHours}`);

const issuer = await openDevIssuer(devIssuerKeyFile(values['data-dir']));
console.log(
  await issuer.sign({
    role: role!,
    ...(values.region ? { regionId: values.region } : {}),
    ...(values.municipality ? { municipality: values.municipality } : {}),
    ...(values.name ? { name: values.name } : {}),
    expiresIn: Math.round(hours * 3600),
  }),
);
