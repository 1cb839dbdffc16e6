import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { CLAIMS, type Role } from '@modellregionen/api';

/** The local development issuer: it signs tokens only the local runtime accepts. */
export const DEV_ISSUER = 'https://modellregionen.local/dev-issuer';
export const DEV_AUDIENCE = 'modellregionen-local';
const KID = 'dev-1';

export interface DevIssuer {
  readonly jwks: Jwks;
  sign(input: DevTokenRequest): Promise<string>;
}

interface DevTokenRequest {
  role: Role;
  regionId?: string;
  municipality?: string;
  name?: string;
  /** Lifetime in seconds (default 12 hours). */
  expiresIn?: number;
  /** Overrides for tests: another issuer or audience. */
  issuer?: string;
  audience?: string;
  /** Issue time override in epoch seconds (tests: expired tokens). */
  issuedAt?: number;
}

/**
 * Loads the issuer's key from `keyFile`, creating it on first use, so that tokens printed by
 * `npm run token` stay valid across restarts of the runtime. Without a file the key lives in memory.
 */
export const openDevIssuer = async (keyFile?: string): Promise<DevIssuer> => {
  let privateJwk: JWK;
  if (keyFile && existsSync(keyFile)) {
    privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: KID, alg: 'RS256', use: 'sig' };
    if (keyFile) {
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
    }
  }
  const { d, p, q, dp, dq, qi, ...publicJwk } = privateJwk;
  const key = await importJWK(privateJwk, 'RS256');
  return {
    jwks: { keys: [{ ...publicJwk, kid: KID, alg: 'RS256', use: 'sig', kty: 'RSA' } as Jwks['keys'][number]] },
    async sign(input) {
      const now = input.issuedAt ?? Math.floor(Date.now() / 1000);
      const claims: Record<string, unknown> = {
        [CLAIMS.groups]: [input.role],
        [CLAIMS.name]:
          input.name ?? (input.role === 'coordinator' ? `Koordination ${input.regionId}` : input.role === 'ministry' ? 'Ministerium' : input.municipality),
        token_use: 'id',
      };
      if (input.regionId) claims[CLAIMS.region] = input.regionId;
      if (input.municipality) claims[CLAIMS.municipality] = input.municipality;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
        .setSubject(`${input.role}:${input.regionId ?? input.municipality ?? 'ministerium'}`)
        .setIssuer(input.issuer ?? DEV_ISSUER)
        .setAudience(input.audience ?? DEV_AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + (input.expiresIn ?? 12 * 3600))
        .sign(key);
    },
  };
};
