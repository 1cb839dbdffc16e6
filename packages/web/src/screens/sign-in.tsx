import { useEffect, useState } from 'preact/hooks';
import type { AppConfig, CognitoAuthConfig, DevAuthConfig } from '../auth/config';
import { startSession, takeSignOutReason } from '../auth/session';
import { Loading } from '../components/async';
import { Notice, useTitle } from '../components/page';
import { setLocale, t, useLocale } from '../i18n/i18n';
import { navigate, useLocation } from '../router';

interface Choices {
  regions: { id: string; name: string; role: string }[];
}

type Role = 'ministry' | 'coordinator' | 'subscriber';

const readJson = async (response: Response): Promise<unknown> => {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
};

const DevSignIn = ({ config }: { config: DevAuthConfig }) => {
  const [choices, setChoices] = useState<Choices | 'error' | undefined>(undefined);
  const [role, setRole] = useState<Role>('ministry');
  const [regionId, setRegionId] = useState('');
  const [municipality, setMunicipality] = useState('Stadt Gießen');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [municipalityError, setMunicipalityError] = useState<string | undefined>(undefined);

  useEffect(() => {
    fetch(config.devTokenUrl, { headers: { accept: 'application/json' } })
      .then(async (r) => (r.ok ? ((await r.json()) as Choices) : 'error'))
      .then(
        (c) => {
          setChoices(c);
          if (c !== 'error') setRegionId(c.regions[0]?.id ?? '');
        },
        () => setChoices('error'),
      );
  }, [config.devTokenUrl]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setMunicipalityError(undefined);
    if (role === 'subscriber' && municipality.trim() === '') {
      setMunicipalityError(t('signIn.municipalityRequired'));
      document.getElementById('sign-in-municipality')?.focus();
      return;
    }
    setBusy(true);
    try {
      const body = role === 'ministry' ? { role } : role === 'coordinator' ? { role, regionId } : { role, municipality: municipality.trim() };
      const response = await fetch(config.devTokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await readJson(response)) as { idToken?: string; error?: { message?: string } } | undefined;
      if (!response.ok || typeof json?.idToken !== 'string') throw new Error(json?.error?.message ?? `HTTP ${response.status}`);
      startSession(json.idToken);
    } catch (err) {
      setError(t('signIn.failed', { message: err instanceof Error ? err.message : String(err) }));
      setBusy(false);
    }
  };

  if (choices === undefined) return <Loading />;
  if (choices === 'error')
    return (
      <Notice kind="error" title={t('signIn.unavailableTitle')}>
        {t('signIn.unavailable')}
      </Notice>
    );
  return (
    <form class="form sign-in-form" onSubmit={submit} noValidate>
      {error && (
        <Notice kind="error" title={t('signIn.failedTitle')}>
          <p>{error}</p>
        </Notice>
      )}
      <fieldset class="choices">
        <legend>{t('signIn.role')}</legend>
        <div class="choice">
          <input type="radio" id="role-ministry" name="role" value="ministry" checked={role === 'ministry'} onChange={() => setRole('ministry')} />
          <label for="role-ministry">
            <span class="choice-title">{t('role.ministry')}</span>
            <span class="choice-hint">{t('signIn.ministryHint')}</span>
          </label>
        </div>
        <div class="choice">
          <input type="radio" id="role-coordinator" name="role" value="coordinator" checked={role === 'coordinator'} onChange={() => setRole('coordinator')} />
          <label for="role-coordinator">
            <span class="choice-title">{t('role.coordinator')}</span>
            <span class="choice-hint">{t('signIn.coordinatorHint')}</span>
          </label>
        </div>
        {role === 'coordinator' && (
          <div class="field choice-detail">
            <label for="sign-in-region">{t('signIn.region')}</label>
            <select id="sign-in-region" value={regionId} onChange={(e) => setRegionId((e.target as HTMLSelectElement).value)}>
              {choices.regions.map((r) => (
                <option value={r.id}>{r.name}</option>
              ))}
            </select>
          </div>
        )}
        <div class="choice">
          <input type="radio" id="role-subscriber" name="role" value="subscriber" checked={role === 'subscriber'} onChange={() => setRole('subscriber')} />
          <label for="role-subscriber">
            <span class="choice-title">{t('role.subscriber')}</span>
            <span class="choice-hint">{t('signIn.subscriberHint')}</span>
          </label>
        </div>
        {role === 'subscriber' && (
          <div class="field choice-detail">
            <label for="sign-in-municipality">{t('signIn.municipality')}</label>
            <input
              id="sign-in-municipality"
              type="text"
              autoComplete="organization"
              value={municipality}
              aria-invalid={municipalityError ? true : undefined}
              aria-describedby={municipalityError ? 'sign-in-municipality-error' : undefined}
              onInput={(e) => setMunicipality((e.target as HTMLInputElement).value)}
            />
            {municipalityError && (
              <p id="sign-in-municipality-error" class="field-error">
                {municipalityError}
              </p>
            )}
          </div>
        )}
      </fieldset>
      <button type="submit" class="button" disabled={busy}>
        {busy ? t('signIn.busy') : t('signIn.submit')}
      </button>
    </form>
  );
};

const CognitoSignIn = ({ config, returnTo }: { config: CognitoAuthConfig; returnTo: string }) => {
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <div>
      {error && (
        <Notice kind="error" title={t('signIn.failedTitle')}>
          {error}
        </Notice>
      )}
      <p>{t('signIn.cognitoText')}</p>
      <button
        type="button"
        class="button"
        onClick={() => {
          import('../auth/cognito')
            .then((m) => m.startSignIn(config, returnTo))
            .catch((err: unknown) => setError(t('signIn.failed', { message: err instanceof Error ? err.message : String(err) })));
        }}
      >
        {t('signIn.cognitoSubmit')}
      </button>
    </div>
  );
};

const CognitoCallback = ({ config }: { config: CognitoAuthConfig }) => {
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    import('../auth/cognito')
      .then((m) => m.completeSignIn(config))
      .then(({ idToken, returnTo }) => {
        navigate(`/anmeldung?ziel=${encodeURIComponent(returnTo)}`, { replace: true });
        startSession(idToken);
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, []);
  if (error) {
    return (
      <Notice kind="error" title={t('signIn.failedTitle')}>
        <p>{error}</p>
        <p>
          <a href="/anmeldung">{t('signIn.again')}</a>
        </p>
      </Notice>
    );
  }
  return <Loading label={t('signIn.completing')} />;
};

/** The sign-in screen: the development sign-in locally, Cognito's hosted sign-in on AWS. */
export const SignIn = ({ config }: { config: AppConfig }) => {
  const location = useLocation();
  const locale = useLocale();
  const [reason] = useState(takeSignOutReason);
  const title = config.auth === 'dev' ? t('signIn.devTitle') : t('signIn.title');
  useTitle(title);
  return (
    <div class="sign-in-page">
      <header class="app-header">
        <div class="app-header-inner">
          <span class="brand">
            <span class="brand-mark" aria-hidden="true" />
            <span class="brand-text">
              <span class="brand-title">{t('app.title')}</span>
              <span class="brand-sub">{t('app.subtitle')}</span>
            </span>
          </span>
          <div class="header-tools">
            <button type="button" class="button button-header" lang={locale === 'de' ? 'en' : 'de'} onClick={() => setLocale(locale === 'de' ? 'en' : 'de')}>
              {locale === 'de' ? 'English' : 'Deutsch'}
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} class="sign-in-main">
        <div class="sign-in-card">
          <h1 tabIndex={-1}>{title}</h1>
          {reason === 'expired' && <Notice kind="warning">{t('signIn.expired')}</Notice>}
          {reason === 'signed-out' && <Notice kind="success">{t('signIn.signedOut')}</Notice>}
          {reason === 'invalid' && <Notice kind="warning">{t('signIn.invalid')}</Notice>}
          {config.auth === 'dev' ? (
            <>
              <p class="lead">{t('signIn.devLead')}</p>
              <DevSignIn config={config} />
            </>
          ) : location.path === '/anmeldung/callback' ? (
            <CognitoCallback config={config} />
          ) : (
            <CognitoSignIn config={config} returnTo={location.query.get('ziel') ?? '/'} />
          )}
        </div>
      </main>
    </div>
  );
};
