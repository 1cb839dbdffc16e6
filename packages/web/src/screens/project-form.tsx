import { useState } from 'preact/hooks';
import { api, enc } from '../api/client';
import type { Catalogue, FundingSource, Project, RegionView } from '../api/types';
import { FUNDING_SOURCES, PROJECT_STATUSES } from '../api/types';
import { Async, useResource } from '../components/async';
import { CheckboxField, fieldId, SelectField, TextArea, TextField } from '../components/fields';
import { PageHeader } from '../components/page';
import { Checks, ReportFormFrame, reportEnvelope, revisionNote, slugify, useReportSender } from '../components/report-form';
import { fieldOfActionTitle, useCatalogue } from '../data/catalogue';
import { fieldErrorText } from '../i18n/field-errors';
import { formatEur, numberForInput, parseLocaleNumber } from '../i18n/format';
import { t, useLocale } from '../i18n/i18n';
import type { ScreenProps } from '../screen';

interface Line {
  key: number;
  programme: string;
  source: FundingSource;
  amount: string;
}

let nextKey = 1;

const ProjectForm = ({ region, catalogue, current }: { region: RegionView; catalogue: Catalogue; current: Project | undefined }) => {
  const locale = useLocale();
  const sender = useReportSender();
  const [id, setId] = useState(current?.projectId ?? '');
  const [idTouched, setIdTouched] = useState(current !== undefined);
  const [title, setTitle] = useState(current?.title ?? '');
  const [fieldOfAction, setFieldOfAction] = useState(current?.fieldOfAction ?? '');
  const [status, setStatus] = useState<string>(current?.status ?? 'planned');
  const [startDate, setStartDate] = useState(current?.startDate ?? '');
  const [endDate, setEndDate] = useState(current?.endDate ?? '');
  const [lines, setLines] = useState<Line[]>(
    (current?.funding ?? [{ programme: '', source: 'land' as FundingSource, amountEur: Number.NaN }]).map((f) => ({
      key: nextKey++,
      programme: f.programme,
      source: f.source,
      amount: Number.isNaN(f.amountEur) ? '' : numberForInput(f.amountEur, locale),
    })),
  );
  const [partners, setPartners] = useState((current?.partners ?? []).join('\n'));
  const [lighthouse, setLighthouse] = useState(current?.lighthouse ?? false);
  const [summary, setSummary] = useState(current?.summary ?? '');
  const revision = (current?.revision ?? 0) + 1;
  const [focusLine, setFocusLine] = useState<number | undefined>(undefined);

  const update = (key: number, change: Partial<Line>) => setLines(lines.map((l) => (l.key === key ? { ...l, ...change } : l)));
  const total = lines.reduce((n, l) => n + (parseLocaleNumber(l.amount, locale) ?? 0), 0);

  const submit = () => {
    const c = new Checks();
    c.slug('projectId', id);
    if (!current && region.projects.some((p) => p.projectId === id)) c.add('projectId', 'duplicate_id', 'is already used by another project');
    c.required('title', title);
    if (fieldOfAction === '') c.add('fieldOfAction', 'required', 'is required');
    c.date('startDate', startDate, true);
    c.date('endDate', endDate, false);
    if (endDate && startDate && endDate < startDate) c.add('endDate', 'before_start_date', `must not be before startDate (${startDate})`, { startDate });
    const funding = lines.map((l, i) => {
      c.required(`funding.${i}.programme`, l.programme);
      const amount = parseLocaleNumber(l.amount, locale);
      if (l.amount.trim() === '') c.add(`funding.${i}.amountEur`, 'required', 'is required');
      else if (amount === undefined) c.add(`funding.${i}.amountEur`, 'not_a_number', 'must be a number');
      else if (amount < 0) c.add(`funding.${i}.amountEur`, 'negative', 'must not be negative');
      return { programme: l.programme.trim(), source: l.source, amountEur: amount ?? 0 };
    });
    if (c.errors.length > 0) return sender.showErrors(c.errors);
    const partnerList = partners
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean);
    const body = {
      ...reportEnvelope(revision),
      projectId: id,
      title: title.trim(),
      fieldOfAction,
      status,
      startDate,
      ...(endDate ? { endDate } : {}),
      funding,
      ...(partnerList.length > 0 ? { partners: partnerList } : {}),
      ...(lighthouse ? { lighthouse: true } : {}),
      ...(summary.trim() ? { summary: summary.trim() } : {}),
    };
    void sender.send({
      kind: 'projects',
      regionId: region.regionId,
      body,
      title: body.title,
      arrived: (r) => r.projects.some((p) => p.projectId === id && p.revision >= revision),
    });
  };

  return (
    <ReportFormFrame
      sender={sender}
      onSubmit={submit}
      cancelHref={`/regionen/${enc(region.regionId)}`}
      revisionNote={revisionNote(current?.revision, revision)}
    >
      <TextField
        path="title"
        label={t('field.title')}
        errors={sender.byPath}
        value={title}
        width="long"
        onValue={(v) => {
          setTitle(v);
          if (!idTouched) setId(slugify(v));
        }}
      />
      <TextField
        path="projectId"
        label={t('field.projectId')}
        hint={current ? t('form.idFixed') : t('form.idHint')}
        errors={sender.byPath}
        value={id}
        readOnly={current !== undefined}
        width="medium"
        onValue={(v) => {
          setIdTouched(true);
          setId(v);
        }}
      />
      <SelectField
        path="fieldOfAction"
        label={t('field.fieldOfAction')}
        errors={sender.byPath}
        value={fieldOfAction}
        onValue={setFieldOfAction}
        emptyLabel={t('form.choose')}
        options={catalogue.fieldsOfAction.map((f) => ({ value: f.id, label: fieldOfActionTitle(catalogue, f.id, locale) }))}
      />
      <SelectField
        path="status"
        label={t('field.status')}
        errors={sender.byPath}
        value={status}
        onValue={setStatus}
        options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projectStatus.${s}`) }))}
      />
      <div class="field-row">
        <TextField path="startDate" label={t('field.startDate')} type="date" errors={sender.byPath} value={startDate} onValue={setStartDate} />
        <TextField path="endDate" label={t('field.endDate')} type="date" optional errors={sender.byPath} value={endDate} onValue={setEndDate} />
      </div>
      <fieldset class="fieldset funding-lines">
        <legend>{t('field.funding')}</legend>
        <p class="hint">{t('form.fundingHint')}</p>
        {sender.byPath.funding && (
          <p class="field-error" id="f-funding">
            {fieldErrorText(sender.byPath.funding, locale)}
          </p>
        )}
        {lines.map((l, i) => (
          // biome-ignore lint/a11y/useSemanticElements: a named group of one line's fields inside the form's fieldset; a nested fieldset would need a visible legend per line.
          <div class="funding-line" key={l.key} role="group" aria-label={t('form.fundingLine', { n: i + 1 })}>
            <TextField
              path={`funding.${i}.programme`}
              label={t('field.programme')}
              errors={sender.byPath}
              value={l.programme}
              onValue={(v) => update(l.key, { programme: v })}
            />
            <SelectField
              path={`funding.${i}.source`}
              label={t('field.source')}
              errors={sender.byPath}
              value={l.source}
              onValue={(v) => update(l.key, { source: v as FundingSource })}
              options={FUNDING_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
            />
            <TextField
              path={`funding.${i}.amountEur`}
              label={t('field.amountEur')}
              inputMode="decimal"
              width="short"
              errors={sender.byPath}
              value={l.amount}
              onValue={(v) => update(l.key, { amount: v })}
            />
            <button
              type="button"
              class="button button-small button-secondary remove-line"
              onClick={() => {
                setLines(lines.filter((x) => x.key !== l.key));
                setFocusLine(undefined);
                // Focus stays in the list: on the add button once the line is gone.
                requestAnimationFrame(() => document.getElementById('add-funding-line')?.focus());
              }}
            >
              {t('form.removeLine')}
              <span class="visually-hidden"> {t('form.fundingLine', { n: i + 1 })}</span>
            </button>
          </div>
        ))}
        <p class="funding-total" aria-live="polite">
          {t('form.fundingTotal', { total: formatEur(total, locale) })}
        </p>
        <button
          id="add-funding-line"
          type="button"
          class="button button-secondary"
          onClick={() => {
            const key = nextKey++;
            setLines([...lines, { key, programme: '', source: 'land', amount: '' }]);
            setFocusLine(lines.length);
            requestAnimationFrame(() => document.getElementById(fieldId(`funding.${lines.length}.programme`))?.focus());
          }}
        >
          {t('form.addLine')}
        </button>
        {focusLine !== undefined && (
          <span class="visually-hidden" role="status">
            {t('form.lineAdded', { n: focusLine + 1 })}
          </span>
        )}
      </fieldset>
      <TextArea
        path="partners"
        label={t('field.partners')}
        hint={t('form.partnersHint')}
        optional
        errors={sender.byPath}
        value={partners}
        onValue={setPartners}
        rows={3}
      />
      <CheckboxField
        path="lighthouse"
        label={t('field.lighthouse')}
        hint={t('form.lighthouseHint')}
        errors={sender.byPath}
        checked={lighthouse}
        onChecked={setLighthouse}
      />
      <TextArea path="summary" label={t('field.summary')} optional errors={sender.byPath} value={summary} onValue={setSummary} />
    </ReportFormFrame>
  );
};

/** A pilot project with its funding lines: new, or the next revision of one already reported. */
const ProjectFormScreen = ({ params, session }: ScreenProps) => {
  const regionId = params.regionId!;
  const catalogue = useCatalogue(session.idToken);
  const region = useResource((signal) => api.get<RegionView>(`/v1/regions/${enc(regionId)}`, signal), [regionId]);
  const editing = params.itemId;
  return (
    <>
      <PageHeader title={editing ? t('form.projectEdit') : t('form.projectNew')} lead={t('form.projectLead')} />
      <Async resource={catalogue}>
        {(cat) => (
          <Async resource={region}>
            {(r) => {
              const current = editing ? r.projects.find((p) => p.projectId === editing) : undefined;
              if (editing && !current) return <p class="notice notice-error">{t('form.itemMissing', { id: editing })}</p>;
              return <ProjectForm region={r} catalogue={cat} current={current} />;
            }}
          </Async>
        )}
      </Async>
    </>
  );
};

export default ProjectFormScreen;
