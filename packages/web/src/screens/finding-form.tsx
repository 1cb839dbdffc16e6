import { useState } from 'preact/hooks';
import { api, enc } from '../api/client';
import type { Catalogue, Finding, RegionView } from '../api/types';
import { MINISTRY_ID } from '../api/types';
import { Async, useResource } from '../components/async';
import { SelectField, TextArea, TextField } from '../components/fields';
import { PageHeader } from '../components/page';
import { Checks, ReportFormFrame, reportEnvelope, revisionNote, slugify, useReportSender } from '../components/report-form';
import { fieldOfActionTitle, useCatalogue } from '../data/catalogue';
import { t, useLocale } from '../i18n/i18n';
import type { ScreenProps } from '../screen';

const FindingForm = ({ region, catalogue, current }: { region: RegionView; catalogue: Catalogue; current: Finding | undefined }) => {
  const locale = useLocale();
  const sender = useReportSender();
  const [id, setId] = useState(current?.findingId ?? '');
  const [idTouched, setIdTouched] = useState(current !== undefined);
  const [title, setTitle] = useState(current?.title ?? '');
  const [summary, setSummary] = useState(current?.summary ?? '');
  const [fieldOfAction, setFieldOfAction] = useState(current?.fieldOfAction ?? '');
  const [related, setRelated] = useState<string[]>(current?.relatedProjectIds ?? []);
  const [tags, setTags] = useState((current?.tags ?? []).join(', '));
  const revision = (current?.revision ?? 0) + 1;

  const submit = () => {
    const c = new Checks();
    c.slug('findingId', id);
    if (!current && region.findings.some((f) => f.findingId === id)) c.add('findingId', 'duplicate_id', 'is already used by another finding');
    c.required('title', title);
    c.required('summary', summary);
    if (fieldOfAction === '') c.add('fieldOfAction', 'required', 'is required');
    if (c.errors.length > 0) return sender.showErrors(c.errors);
    const tagList = tags
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const body = {
      ...reportEnvelope(revision),
      findingId: id,
      title: title.trim(),
      summary: summary.trim(),
      fieldOfAction,
      ...(related.length > 0 ? { relatedProjectIds: related } : {}),
      ...(tagList.length > 0 ? { tags: tagList } : {}),
    };
    void sender.send({
      kind: 'findings',
      regionId: region.regionId,
      body,
      title: body.title,
      arrived: (r) => r.findings.some((f) => f.findingId === id && f.revision >= revision),
    });
  };

  return (
    <ReportFormFrame
      sender={sender}
      onSubmit={submit}
      cancelHref={region.regionId === MINISTRY_ID ? '/erkenntnisse' : `/regionen/${enc(region.regionId)}`}
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
        path="findingId"
        label={t('field.findingId')}
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
      <TextArea path="summary" label={t('field.summary')} errors={sender.byPath} value={summary} onValue={setSummary} rows={6} />
      <SelectField
        path="fieldOfAction"
        label={t('field.fieldOfAction')}
        errors={sender.byPath}
        value={fieldOfAction}
        onValue={setFieldOfAction}
        emptyLabel={t('form.choose')}
        options={catalogue.fieldsOfAction.map((f) => ({ value: f.id, label: fieldOfActionTitle(catalogue, f.id, locale) }))}
      />
      {region.projects.length > 0 && (
        <fieldset class="fieldset">
          <legend>
            {t('field.relatedProjectIds')} <span class="optional">({t('form.optional')})</span>
          </legend>
          <ul class="checkbox-list">
            {region.projects.map((p) => (
              <li class="checkbox">
                <input
                  type="checkbox"
                  id={`related-${p.projectId}`}
                  checked={related.includes(p.projectId)}
                  onChange={(e) => setRelated((e.target as HTMLInputElement).checked ? [...related, p.projectId] : related.filter((x) => x !== p.projectId))}
                />
                <label for={`related-${p.projectId}`}>{p.title}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <TextField path="tags" label={t('field.tags')} hint={t('form.tagsHint')} optional errors={sender.byPath} value={tags} onValue={setTags} width="long" />
    </ReportFormFrame>
  );
};

/** A finding for the other municipalities: new, or the next revision of one already published. */
const FindingFormScreen = ({ params, session }: ScreenProps) => {
  const regionId = params.regionId!;
  const catalogue = useCatalogue(session.idToken);
  // The ministry publishes under its own id, which has no region page: it starts from nothing.
  const region = useResource(
    (signal) =>
      regionId === MINISTRY_ID
        ? api.get<{ findings: (Finding & { regionId: string })[] }>(`/v1/findings?regionId=${MINISTRY_ID}`, signal).then(
            (f): RegionView => ({
              regionId,
              name: '',
              kind: 'ministry',
              role: 'ministry',
              lastReportedAt: null,
              milestones: [],
              projects: [],
              indicators: [],
              findings: f.findings,
            }),
          )
        : api.get<RegionView>(`/v1/regions/${enc(regionId)}`, signal),
    [regionId],
  );
  const editing = params.itemId;
  return (
    <>
      <PageHeader title={editing ? t('form.findingEdit') : t('form.findingNew')} lead={t('form.findingLead')} />
      <Async resource={catalogue}>
        {(cat) => (
          <Async resource={region}>
            {(r) => {
              const current = editing ? r.findings.find((f) => f.findingId === editing) : undefined;
              if (editing && !current) return <p class="notice notice-error">{t('form.itemMissing', { id: editing })}</p>;
              return <FindingForm region={r} catalogue={cat} current={current} />;
            }}
          </Async>
        )}
      </Async>
    </>
  );
};

export default FindingFormScreen;
