import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { CompetenceCircle } from '../api/types';
import { Async, useResource } from '../components/async';
import { CompetenceTable, KeyFigures } from '../components/competence-table';
import { PageHeader } from '../components/page';
import { useCatalogue } from '../data/catalogue';
import { berlinToday, formatDate } from '../i18n/format';
import { t, useLocale } from '../i18n/i18n';
import type { ScreenProps } from '../screen';
import { navigate, withQuery } from '../router';
import { useOnChange } from '../store';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Kompetenzkreis: the six model regions side by side, today or as known on a Stichtag (in the URL). */
const CompetenceCircleScreen = ({ query, session }: ScreenProps) => {
  const locale = useLocale();
  const raw = query.get('stichtag') ?? '';
  const stichtag = ISO_DATE.test(raw) ? raw : '';
  const [input, setInput] = useState(stichtag);
  const [inputError, setInputError] = useState(false);
  // The back button changes the URL: the field follows it.
  useOnChange(stichtag, (value) => {
    setInput(value);
    setInputError(false);
  });
  const catalogue = useCatalogue(session.idToken);
  const view = useResource((signal) => api.get<CompetenceCircle>(withQuery('/v1/competence-circle', { asOf: stichtag || undefined }), signal), [stichtag]);

  const apply = (event: Event) => {
    event.preventDefault();
    if (input !== '' && !ISO_DATE.test(input)) {
      setInputError(true);
      document.getElementById('stichtag')?.focus();
      return;
    }
    navigate(withQuery('/kompetenzkreis', { stichtag: input || undefined }));
  };

  return (
    <>
      <PageHeader title={t('cc.title')} lead={stichtag ? t('cc.leadAsOf', { date: formatDate(stichtag, locale) }) : t('cc.leadToday')} />
      <form class="toolbar" onSubmit={apply} noValidate aria-label={t('cc.stichtagForm')}>
        <div class={`field field-inline${inputError ? ' field-invalid' : ''}`}>
          <label for="stichtag">{t('cc.stichtag')}</label>
          <p id="stichtag-hint" class="hint">
            {t('cc.stichtagHint')}
          </p>
          {inputError && (
            <p id="stichtag-error" class="field-error">
              {t('fieldError.invalid_date')}
            </p>
          )}
          <input
            id="stichtag"
            type="date"
            value={input}
            min="2009-01-01"
            max={berlinToday()}
            aria-describedby={inputError ? 'stichtag-hint stichtag-error' : 'stichtag-hint'}
            aria-invalid={inputError ? true : undefined}
            onInput={(e) => setInput((e.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="button">
          {t('cc.apply')}
        </button>
        {stichtag && (
          <a class="button button-secondary" href="/kompetenzkreis">
            {t('cc.today')}
          </a>
        )}
        <a class="button button-link" href={withQuery('/kompetenzkreis', { stichtag: '2012-02-29' })}>
          {t('cc.midtermDate')}
        </a>
      </form>
      <Async resource={catalogue}>
        {(cat) => (
          <Async resource={view}>
            {(v) => (
              <div aria-busy={view.state === 'ready' && view.refreshing ? true : undefined}>
                <p class="as-of" data-testid="as-of">
                  {t('cc.asOf', { date: formatDate(v.asOf, locale) })}
                </p>
                <KeyFigures view={v} locale={locale} />
                <CompetenceTable
                  view={v}
                  catalogue={cat}
                  locale={locale}
                  caption={t('cc.tableCaption', { date: formatDate(v.asOf, locale) })}
                  filename={`kompetenzkreis-${v.asOf}`}
                />
              </div>
            )}
          </Async>
        )}
      </Async>
    </>
  );
};

export default CompetenceCircleScreen;
