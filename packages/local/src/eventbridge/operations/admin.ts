import { ADMIN_KEY } from '../../bus-policy';
import { AwsError } from '../aws-json';

/** Operations that manage the bus (replays, dead letters) are for the local administrator only. */
export const requireAdmin = (principal: string, what: string): void => {
  if (principal !== ADMIN_KEY) throw new AwsError('AccessDeniedException', `Only ${ADMIN_KEY} may ${what}.`);
};
