import { useState } from 'preact/hooks';
import { api, enc } from '../api/client';
import type { Catalogue, FieldError, IndicatorPoint, RegionView } from '../api/types';
import { Async, useResource } from '../components/async';
import { CheckboxField, SelectField, TextField } from '../components/fields';
import { Notice, PageHeader } from '../components/page';
import { ReportFormFrame, reportEnvelope, revisionNote, useReportSender } from '../components/report-form';
import { fieldOfActionTitle, indicatorById, indicatorTitle, useCatalogue } from '../data/catalogue';
import { checkIndicatorValue, type IndicatorValues, VALUE_KEYS } from '../data/indicator-rules';
import { fieldErrorText } from '../i18n/field-errors';
import { formatNumber, numberForInput, parseLocaleNumber } from '../i18n/format';
import { t, useLocale } from '../i18n/i18n';
import type { ScreenProps } from '../screen';

const pointOf = (region: RegionView, indicatorId: string, period: string): IndicatorPoint | undefined =>
  region.indicators.find((p) => p.indicatorId === indicatorId)?.points.find((p) => p.period === period);

const IndicatorForm = ({ region, catalogue, fixed }: { region: RegionView; catalogue: Catalogue; fixed?: { indicatorId: string; period: string } }) => {
  const locale = useLocale();
  const sender = useReportSender();
  const initial = fixed ? pointOf(region, fixed.indicatorId, fixed.period) : undefined;
  const [indicatorId, setIndicatorId] = useState(fixed?.indicatorId ?? '');
  const [period, setPeriod] = useState(fixed?.period ?? '');
  const [values, setValues] = useState<Record<string, string>>({
    total: numberForInput(initial?.total, locale),
    withMigrationBackground: numberForInput(initial?.withMigrationBackground, locale),
    withoutMigrationBackground: numberForInput(initial?.withoutMigrationBackground, locale),
  });
  const [source, setSource] = useState(initial?.source ?? '');
  const [isBaseline, setIsBaseline] = useState(initial?.isBaseline ?? false);
  const def = indicatorById(catalogue, indicatorId);
  const existing = pointOf(region, indicatorId, period);
  // The next revision of the value the region shows for this period (1 for a period not yet reported).
  const revision = (existing?.revision ?? 0) + 1;

  const submit = () => {
    const parsed: IndicatorValues = {};
    const errors: FieldError[] = [];
    for (const key of VALUE_KEYS) {
      if (key !== 'total' && def && !def.disaggregated) continue;
      const text = values[key] ?? '';
      if (text.trim() === '') continue;
      const n = parseLocaleNumber(text, locale);
      if (n === undefined) errors.push({ path: `values.${key}`, code: 'not_a_number', message: 'must be a number' });
      else parsed[key] = n;
    }
    // A field that holds no number is the problem, not "no values" (which follows from it).
    const unreadable = errors.length > 0;
    errors.push(
      ...checkIndicatorValue(catalogue, { indicatorId, period, values: parsed }).filter(
        (e) => !errors.some((x) => x.path === e.path) && !(unreadable && e.code === 'no_values'),
      ),
    );
    if (errors.length > 0) return sender.showErrors(errors);
    const body = {
      ...reportEnvelope(revision),
      indicatorId,
      period,
      values: parsed,
      ...(source.trim() ? { source: source.trim() } : {}),
      ...(isBaseline ? { isBaseline: true } : {}),
    };
    void sender.send({
      kind: 'indicators',
      regionId: region.regionId,
      body,
      title: `${indicatorTitle(def, locale, indicatorId)}, ${period}`,
      arrived: (r) => (pointOf(r, indicatorId, period)?.revision ?? 0) >= revision,
    });
  };

  const unitHint = def
    ? t('form.valueHint', { unit: t(`unit.${def.unit}`), min: formatNumber(def.min, locale), max: formatNumber(def.max, locale) })
    : undefined;

  return (
    <ReportFormFrame
      sender={sender}
      onSubmit={submit}
      cancelHref={`/regionen/${enc(region.regionId)}`}
      revisionNote={revisionNote(existing?.revision, revision)}
    >
      {fixed ? (
        <dl class="facts">
          <div>
            <dt>{t('ind.indicator')}</dt>
            <dd>{indicatorTitle(def, locale, indicatorId)}</dd>
          </div>
          <div>
            <dt>{t('ind.period')}</dt>
            <dd>{period}</dd>
          </div>
        </dl>
      ) : (
        <>
          <SelectField
            path="indicatorId"
            label={t('ind.indicator')}
            errors={sender.byPath}
            value={indicatorId}
            onValue={setIndicatorId}
            emptyLabel={t('form.choose')}
            groups={catalogue.fieldsOfAction
              .filter((f) => catalogue.indicators.some((i) => i.fieldOfAction === f.id))
              .map((f) => ({
                label: fieldOfActionTitle(catalogue, f.id, locale),
                options: catalogue.indicators.filter((i) => i.fieldOfAction === f.id).map((i) => ({ value: i.id, label: indicatorTitle(i, locale) })),
              }))}
          />
          <TextField
            path="period"
            label={t('ind.period')}
            hint={t('form.periodHint')}
            errors={sender.byPath}
            value={period}
            onValue={setPeriod}
            width="short"
          />
          {existing && <Notice kind="info">{t('form.indicatorExists', { period })}</Notice>}
        </>
      )}
      <fieldset class="fieldset">
        <legend>{t('form.values')}</legend>
        {unitHint && <p class="hint">{unitHint}</p>}
        {sender.byPath.values && (
          <p class="field-error" id="f-values">
            {fieldErrorText(sender.byPath.values, locale)}
          </p>
        )}
        <div class="field-row">
          <TextField
            path="values.total"
            label={t('ind.total')}
            optional
            inputMode="decimal"
            width="short"
            errors={sender.byPath}
            value={values.total ?? ''}
            onValue={(v) => setValues({ ...values, total: v })}
          />
          {(def === undefined || def.disaggregated) && (
            <>
              <TextField
                path="values.withMigrationBackground"
                label={t('ind.with')}
                optional
                inputMode="decimal"
                width="short"
                errors={sender.byPath}
                value={values.withMigrationBackground ?? ''}
                onValue={(v) => setValues({ ...values, withMigrationBackground: v })}
              />
              <TextField
                path="values.withoutMigrationBackground"
                label={t('ind.without')}
                optional
                inputMode="decimal"
                width="short"
                errors={sender.byPath}
                value={values.withoutMigrationBackground ?? ''}
                onValue={(v) => setValues({ ...values, withoutMigrationBackground: v })}
              />
            </>
          )}
        </div>
        {def && !def.disaggregated && <p class="hint">{t('ind.noBreakdown')}</p>}
      </fieldset>
      <TextField
        path="source"
        label={t('field.source')}
        hint={t('form.sourceHint')}
        optional
        errors={sender.byPath}
        value={source}
        onValue={setSource}
        width="long"
      />
      <CheckboxField
        path="isBaseline"
        label={t('field.isBaseline')}
        hint={t('form.baselineHint')}
        errors={sender.byPath}
        checked={isBaseline}
        onChecked={setIsBaseline}
      />
    </ReportFormFrame>
  );
};

/** An indicator value for a period: new, or a correction of a value already reported (prefilled). */
const IndicatorFormScreen = ({ params, session }: ScreenProps) => {
  const regionId = params.regionId!;
  const catalogue = useCatalogue(session.idToken);
  const region = useResource((signal) => api.get<RegionView>(`/v1/regions/${enc(regionId)}`, signal), [regionId]);
  const fixed = params.indicatorId && params.period ? { indicatorId: params.indicatorId, period: params.period } : undefined;
  return (
    <>
      <PageHeader title={fixed ? t('form.indicatorEdit') : t('form.indicatorNewTitle')} lead={t('form.indicatorLead')} />
      <Async resource={catalogue}>
        {(cat) => (
          <Async resource={region}>
            {(r) => {
              if (fixed && !pointOf(r, fixed.indicatorId, fixed.period))
                return <p class="notice notice-error">{t('form.itemMissing', { id: `${fixed.indicatorId} ${fixed.period}` })}</p>;
              return <IndicatorForm region={r} catalogue={cat} {...(fixed ? { fixed } : {})} />;
            }}
          </Async>
        )}
      </Async>
    </>
  );
};

export default IndicatorFormScreen;
