import { useState } from 'preact/hooks';
import { api, ApiError, enc } from '../api/client';
import type { Catalogue, CreatedSubscription, FieldError, Subscription } from '../api/types';
import { Async, describeError, useResource } from '../components/async';
import { CopyButton } from '../components/copy-button';
import { type Column, DataTable } from '../components/data-table';
import { Dialog } from '../components/dialog';
import { ErrorSummary, errorsByPath, TextField } from '../components/fields';
import { Notice, PageHeader, Section } from '../components/page';
import { fieldOfActionTitle, useCatalogue } from '../data/catalogue';
import { formatDateTime, type Locale } from '../i18n/format';
import { t, useLocale } from '../i18n/i18n';
import type { ScreenProps } from '../screen';

/** The secret of a new subscription: shown once, with a copy button, until the user closes it. */
const SecretPanel = ({ created, onDone }: { created: CreatedSubscription; onDone: () => void }) => (
  <section class="secret-panel" aria-labelledby="secret-title">
    <h2 id="secret-title" tabIndex={-1}>
      {t('subs.createdTitle')}
    </h2>
    <p>{t('subs.secretOnce')}</p>
    <div class="copy-row">
      <label for="subscription-secret">{t('subs.secret')}</label>
      <input id="subscription-secret" type="text" readOnly value={created.secret} class="input-long mono" data-testid="secret" />
      <CopyButton text={created.secret} label={t('subs.secret')} selectId="subscription-secret" />
    </div>
    <p class="hint">{t('subs.signatureHint')}</p>
    <button type="button" class="button" onClick={onDone}>
      {t('subs.secretStored')}
    </button>
  </section>
);

const NewSubscription = ({ catalogue, onCreated }: { catalogue: Catalogue; onCreated: (s: CreatedSubscription) => void }) => {
  const locale = useLocale();
  const [callbackUrl, setCallbackUrl] = useState('');
  const [fields, setFields] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [shown, setShown] = useState(0);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(undefined);
    let url: URL | undefined;
    try {
      url = new URL(callbackUrl.trim());
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol)) {
      setErrors([{ path: 'callbackUrl', code: callbackUrl.trim() ? 'invalid_url' : 'required', message: 'must be an absolute URL' }]);
      setShown((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const created = await api.post<CreatedSubscription>('/v1/subscriptions', {
        callbackUrl: url.href,
        ...(fields.length > 0 ? { fieldsOfAction: fields } : {}),
      });
      setErrors([]);
      setCallbackUrl('');
      setFields([]);
      onCreated(created);
    } catch (err) {
      if (err instanceof ApiError && err.details.length > 0) {
        setErrors([...err.details]);
        setShown((n) => n + 1);
      } else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const byPath = errorsByPath(errors);
  return (
    <form class="form" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary errors={errors} shown={shown} />
      {failure !== undefined && <Notice kind="error">{describeError(failure)}</Notice>}
      <TextField
        path="callbackUrl"
        label={t('subs.callbackUrl')}
        hint={t('subs.callbackHint')}
        type="url"
        inputMode="url"
        width="long"
        errors={byPath}
        value={callbackUrl}
        onValue={setCallbackUrl}
        placeholder="https://"
      />
      <fieldset class="fieldset">
        <legend>
          {t('field.fieldsOfAction')} <span class="optional">({t('form.optional')})</span>
        </legend>
        <p class="hint">{t('subs.fieldsHint')}</p>
        <ul class="checkbox-list columns">
          {catalogue.fieldsOfAction.map((f) => (
            <li class="checkbox">
              <input
                type="checkbox"
                id={`sub-field-${f.id}`}
                checked={fields.includes(f.id)}
                onChange={(e) => setFields((e.target as HTMLInputElement).checked ? [...fields, f.id] : fields.filter((x) => x !== f.id))}
              />
              <label for={`sub-field-${f.id}`}>{fieldOfActionTitle(catalogue, f.id, locale)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" class="button" disabled={busy}>
        {busy ? t('form.sending') : t('subs.create')}
      </button>
    </form>
  );
};

const fieldsLabel = (s: Subscription, catalogue: Catalogue, locale: Locale) =>
  s.fieldsOfAction.length === 0 ? t('subs.allFields') : s.fieldsOfAction.map((f) => fieldOfActionTitle(catalogue, f, locale)).join(', ');

/** Abonnements: a subscriber municipality's webhooks for new findings: create (secret once), list, end. */
const SubscriptionsScreen = ({ session }: ScreenProps) => {
  const locale = useLocale();
  const catalogue = useCatalogue(session.idToken);
  const list = useResource((signal) => api.get<{ subscriptions: Subscription[] }>('/v1/subscriptions', signal), []);
  const [created, setCreated] = useState<CreatedSubscription | undefined>(undefined);
  const [ending, setEnding] = useState<Subscription | undefined>(undefined);
  const [endError, setEndError] = useState<unknown>(undefined);
  const [ended, setEnded] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const end = async () => {
    if (!ending) return;
    setBusy(true);
    setEndError(undefined);
    try {
      await api.delete(`/v1/subscriptions/${enc(ending.subscriptionId)}`);
      setEnded(ending.callbackUrl);
      setEnding(undefined);
      list.reload();
    } catch (err) {
      setEndError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('subs.title')} lead={t('subs.lead', { name: session.municipality ?? session.name })} />
      <Async resource={catalogue}>
        {(cat) => {
          const columns: Column<Subscription>[] = [
            { header: t('subs.callbackUrl'), rowHeader: true, render: (s) => <span class="mono break">{s.callbackUrl}</span>, csv: (s) => s.callbackUrl },
            { header: t('field.fieldsOfAction'), render: (s) => fieldsLabel(s, cat, locale), csv: (s) => fieldsLabel(s, cat, locale) },
            { header: t('subs.createdAt'), render: (s) => formatDateTime(s.createdAt, locale), csv: (s) => formatDateTime(s.createdAt, 'de') },
            {
              header: t('common.actions'),
              screenOnly: true,
              csv: () => '',
              render: (s) => (
                <button type="button" class="button button-small button-danger" onClick={() => setEnding(s)} aria-haspopup="dialog">
                  {t('subs.end')}
                  <span class="visually-hidden">: {s.callbackUrl}</span>
                </button>
              ),
            },
          ];
          return (
            <>
              {created && (
                <SecretPanel
                  created={created}
                  onDone={() => {
                    setCreated(undefined);
                    document.querySelector<HTMLElement>('#main h1')?.focus();
                  }}
                />
              )}
              {ended && <Notice kind="success">{t('subs.ended', { url: ended })}</Notice>}
              <Section title={t('subs.listTitle')} id="liste">
                <Async resource={list}>
                  {(l) => (
                    <DataTable
                      caption={t('subs.listTitle')}
                      captionHidden
                      columns={columns}
                      rows={l.subscriptions}
                      rowKey={(s) => s.subscriptionId}
                      filename="abonnements"
                      empty={t('subs.none')}
                    />
                  )}
                </Async>
              </Section>
              <Section title={t('subs.newTitle')} id="neu">
                <NewSubscription
                  catalogue={cat}
                  onCreated={(s) => {
                    setEnded(undefined);
                    setCreated(s);
                    list.reload();
                    requestAnimationFrame(() => document.getElementById('secret-title')?.focus());
                  }}
                />
              </Section>
              <Dialog
                id="end-subscription"
                open={ending !== undefined}
                onClose={() => {
                  setEnding(undefined);
                  setEndError(undefined);
                }}
                title={t('subs.endTitle')}
                actions={
                  <>
                    <button type="button" class="button button-secondary" onClick={() => setEnding(undefined)} disabled={busy}>
                      {t('common.cancel')}
                    </button>
                    <button type="button" class="button button-danger" onClick={() => void end()} disabled={busy}>
                      {t('subs.endConfirm')}
                    </button>
                  </>
                }
              >
                <p>{t('subs.endText', { url: ending?.callbackUrl ?? '' })}</p>
                {endError !== undefined && (
                  <p class="field-error" role="alert">
                    {describeError(endError)}
                  </p>
                )}
              </Dialog>
            </>
          );
        }}
      </Async>
    </>
  );
};

export default SubscriptionsScreen;
