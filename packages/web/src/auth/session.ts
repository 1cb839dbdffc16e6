import type { Role } from '../api/types';
import { createStore, useStore } from '../store';

/** Who is signed in, read from the ID token's claims (the API verifies the token; the app only reads it). */
export interface Session {
  readonly idToken: string;
  readonly role: Role;
  readonly subject: string;
  readonly name: string;
  readonly regionId?: string;
  readonly municipality?: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

export type SignOutReason = 'signed-out' | 'expired' | 'invalid';

const TOKEN_KEY = 'modellregionen.idToken';
const NOTICE_KEY = 'modellregionen.signOutReason';
const ROLES: readonly Role[] = ['ministry', 'coordinator', 'subscriber'];

const decodeSegment = (segment: string): unknown => {
  const base64 = segment
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
};

/** The session an ID token names, or a reason why it names none (the claims the API reads, see principal.ts). */
export const sessionFromToken = (idToken: string, now = Date.now()): Session | { invalid: string } => {
  const parts = idToken.split('.');
  if (parts.length !== 3) return { invalid: 'not a JWT' };
  let claims: Record<string, unknown>;
  try {
    const decoded = decodeSegment(parts[1]!);
    if (typeof decoded !== 'object' || decoded === null) return { invalid: 'the token has no claims' };
    claims = decoded as Record<string, unknown>;
  } catch {
    return { invalid: 'the token cannot be read' };
  }
  const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : [];
  const roles = ROLES.filter((r) => groups.includes(r));
  if (roles.length !== 1) return { invalid: 'the token names no single role' };
  const role = roles[0]!;
  const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  if (exp === undefined) return { invalid: 'the token has no expiry' };
  if (exp <= now) return { invalid: 'the token has expired' };
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  const name = [claims.name, claims.email, subject].find((v): v is string => typeof v === 'string' && v !== '') ?? '';
  const regionId = typeof claims['custom:region'] === 'string' ? claims['custom:region'] : undefined;
  const municipality = typeof claims['custom:municipality'] === 'string' ? claims['custom:municipality'] : undefined;
  if (role === 'coordinator' && !regionId) return { invalid: "a coordinator's token names no region" };
  return {
    idToken,
    role,
    subject,
    name,
    expiresAt: exp,
    ...(regionId ? { regionId } : {}),
    ...(role === 'subscriber' ? { municipality: municipality ?? name } : {}),
  };
};

const storage = (): Storage | undefined => {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
};

const restore = (): Session | undefined => {
  const token = storage()?.getItem(TOKEN_KEY);
  if (!token) return undefined;
  const session = sessionFromToken(token);
  if ('invalid' in session) {
    storage()?.removeItem(TOKEN_KEY);
    storage()?.setItem(NOTICE_KEY, 'expired');
    return undefined;
  }
  return session;
};

/** The signed-in user of this tab (the token lives in sessionStorage, so it ends with the tab). */
export const sessionStore = createStore<Session | undefined>(restore());
export const useSession = (): Session | undefined => useStore(sessionStore);

let expiryTimer: ReturnType<typeof setTimeout> | undefined;
const scheduleExpiry = (session: Session | undefined) => {
  if (expiryTimer !== undefined) clearTimeout(expiryTimer);
  expiryTimer = undefined;
  if (session === undefined) return;
  // setTimeout holds at most about 24.8 days; tokens live at most a day.
  expiryTimer = setTimeout(() => endSession('expired'), Math.max(0, Math.min(session.expiresAt - Date.now(), 2 ** 31 - 1)));
};
scheduleExpiry(sessionStore.get());

/** Starts (or renews) the session with an ID token; a token that names no session is refused. */
export const startSession = (idToken: string): Session => {
  const session = sessionFromToken(idToken);
  if ('invalid' in session) throw new Error(session.invalid);
  storage()?.setItem(TOKEN_KEY, idToken);
  storage()?.removeItem(NOTICE_KEY);
  sessionStore.set(session);
  scheduleExpiry(session);
  return session;
};

/** Ends the session; the sign-in screen then says why. */
export const endSession = (reason: SignOutReason): void => {
  storage()?.removeItem(TOKEN_KEY);
  storage()?.setItem(NOTICE_KEY, reason);
  scheduleExpiry(undefined);
  sessionStore.set(undefined);
};

/** Why the last session ended, once (the sign-in screen shows it). */
export const takeSignOutReason = (): SignOutReason | undefined => {
  const reason = storage()?.getItem(NOTICE_KEY);
  storage()?.removeItem(NOTICE_KEY);
  return reason === 'signed-out' || reason === 'expired' || reason === 'invalid' ? reason : undefined;
};
