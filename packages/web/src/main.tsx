import { render } from 'preact';
import { App, ConfigFailure } from './app';
import { ConfigError, loadConfig } from './auth/config';
import { setLocale, localeStore } from './i18n/i18n';
import { startRouter } from './router';
import './styles/app.css';
import './styles/print.css';

const root = document.getElementById('app')!;
// The page's "loading" text stands until the app renders in its place.
root.textContent = '';
setLocale(localeStore.get());
startRouter();
loadConfig().then(
  (config) => render(<App config={config} />, root),
  (err: unknown) => render(<ConfigFailure message={err instanceof ConfigError ? err.message : String(err)} />, root),
);
