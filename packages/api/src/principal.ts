import * as z from 'zod';

export const ROLES = ['coordinator', 'ministry', 'subscriber'] as const;
export type Role = (typeof ROLES)[number];

/** Who calls the API, from the verified token's claims. */
export type Principal =
  | { role: 'coordinator'; subject: string; name: string; regionId: string }
  | { role: 'ministry'; subject: string; name: string }
  | { role: 'subscriber'; subject: string; name: string; municipality: string };

/**
 * Claim names, as the Cognito user pool issues them and the local issuer copies: the role is a
 * group (`cognito:groups`), the region and municipality are custom attributes.
 */
export const CLAIMS = {
  groups: 'cognito:groups',
  region: 'custom:region',
  municipality: 'custom:municipality',
  name: 'name',
} as const;

const claimsSchema = z.looseObject({
  sub: z.string().min(1),
  [CLAIMS.groups]: z.array(z.string()).optional(),
  [CLAIMS.region]: z.string().optional(),
  [CLAIMS.municipality]: z.string().optional(),
  [CLAIMS.name]: z.string().optional(),
  email: z.string().optional(),
});

/** The principal a token names, or a reason why it names none. */
export const principalFromClaims = (claims: unknown): Principal | { invalid: string } => {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) return { invalid: 'the token has no subject' };
  const c = parsed.data;
  const roles = (c[CLAIMS.groups] ?? []).filter((g): g is Role => (ROLES as readonly string[]).includes(g));
  if (roles.length !== 1) return { invalid: `the token must name exactly one role (${ROLES.join(', ')}) in ${CLAIMS.groups}` };
  const name = c[CLAIMS.name] ?? c.email ?? c.sub;
  const role = roles[0]!;
  switch (role) {
    case 'coordinator': {
      const regionId = c[CLAIMS.region];
      if (!regionId) return { invalid: `a coordinator's token must name the region in ${CLAIMS.region}` };
      return { role, subject: c.sub, name, regionId };
    }
    case 'subscriber':
      return { role, subject: c.sub, name, municipality: c[CLAIMS.municipality] ?? name };
    case 'ministry':
      return { role, subject: c.sub, name };
  }
};
