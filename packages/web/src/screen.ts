// What a screen gets and is: kept apart from the route table, which loads the screens, so that
// screens and routes do not import each other.
import type { FunctionComponent } from 'preact';
import type { AppConfig } from './auth/config';
import type { Session } from './auth/session';

export interface ScreenProps {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly session: Session;
  readonly config: AppConfig;
}
type ScreenModule = { default: FunctionComponent<ScreenProps> };
export type Loader = () => Promise<ScreenModule>;
