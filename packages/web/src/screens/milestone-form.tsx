import { useState } from 'preact/hooks';
import { api, enc } from '../api/client';
import type { Catalogue, Milestone, RegionView } from '../api/types';
import { MILESTONE_STATUSES } from '../api/types';
import { Async, useResource } from '../components/async';
import { SelectField, TextArea, TextField } from '../components/fields';
import { PageHeader } from '../components/page';
import { Checks, ReportFormFrame, reportEnvelope, revisionNote, slugify, useReportSender } from '../components/report-form';
import { fieldOfActionTitle, useCatalogue } from '../data/catalogue';
import { t, useLocale } from '../i18n/i18n';
import type { ScreenProps } from '../screen';

const MilestoneForm = ({ region, catalogue, current }: { region: RegionView; catalogue: Catalogue; current: Milestone | undefined }) => {
  const locale = useLocale();
  const sender = useReportSender();
  const [id, setId] = useState(current?.milestoneId ?? '');
  const [idTouched, setIdTouched] = useState(current !== undefined);
  const [title, setTitle] = useState(current?.title ?? '');
  const [status, setStatus] = useState<string>(current?.status ?? 'planned');
  const [dueDate, setDueDate] = useState(current?.dueDate ?? '');
  const [achievedDate, setAchievedDate] = useState(current?.achievedDate ?? '');
  const [fieldOfAction, setFieldOfAction] = useState(current?.fieldOfAction ?? '');
  const [note, setNote] = useState(current?.note ?? '');
  const revision = (current?.revision ?? 0) + 1;

  const submit = () => {
    const c = new Checks();
    c.slug('milestoneId', id);
    if (!current && region.milestones.some((m) => m.milestoneId === id)) c.add('milestoneId', 'duplicate_id', 'is already used by another milestone');
    c.required('title', title);
    c.date('dueDate', dueDate, true);
    // The API's rule, checked here first so the coordinator hears it before sending.
    if (status === 'achieved' && achievedDate === '') c.add('achievedDate', 'required_when_achieved', 'is required when status is achieved');
    else if (status !== 'achieved' && achievedDate !== '')
      c.add('achievedDate', 'only_when_achieved', `must be given only when status is achieved (status is ${status})`, { status });
    else c.date('achievedDate', achievedDate, false);
    if (c.errors.length > 0) return sender.showErrors(c.errors);
    const body = {
      ...reportEnvelope(revision),
      milestoneId: id,
      title: title.trim(),
      status,
      dueDate,
      ...(achievedDate ? { achievedDate } : {}),
      ...(fieldOfAction ? { fieldOfAction } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    void sender.send({
      kind: 'milestones',
      regionId: region.regionId,
      body,
      title: body.title,
      arrived: (r) => r.milestones.some((m) => m.milestoneId === id && m.revision >= revision),
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
        path="milestoneId"
        label={t('field.milestoneId')}
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
        path="status"
        label={t('field.status')}
        errors={sender.byPath}
        value={status}
        onValue={setStatus}
        options={MILESTONE_STATUSES.map((s) => ({ value: s, label: t(`milestoneStatus.${s}`) }))}
      />
      <div class="field-row">
        <TextField path="dueDate" label={t('field.dueDate')} type="date" errors={sender.byPath} value={dueDate} onValue={setDueDate} />
        <TextField
          path="achievedDate"
          label={t('field.achievedDate')}
          type="date"
          hint={t('form.achievedHint')}
          optional={status !== 'achieved'}
          errors={sender.byPath}
          value={achievedDate}
          onValue={setAchievedDate}
        />
      </div>
      <SelectField
        path="fieldOfAction"
        label={t('field.fieldOfAction')}
        optional
        errors={sender.byPath}
        value={fieldOfAction}
        onValue={setFieldOfAction}
        emptyLabel={t('form.none')}
        options={catalogue.fieldsOfAction.map((f) => ({ value: f.id, label: fieldOfActionTitle(catalogue, f.id, locale) }))}
      />
      <TextArea path="note" label={t('field.note')} optional errors={sender.byPath} value={note} onValue={setNote} />
    </ReportFormFrame>
  );
};

/** A milestone of the roadmap: new, or the next revision of one already reported (prefilled). */
const MilestoneFormScreen = ({ params, session }: ScreenProps) => {
  const regionId = params.regionId!;
  const catalogue = useCatalogue(session.idToken);
  const region = useResource((signal) => api.get<RegionView>(`/v1/regions/${enc(regionId)}`, signal), [regionId]);
  const editing = params.itemId;
  return (
    <>
      <PageHeader title={editing ? t('form.milestoneEdit') : t('form.milestoneNew')} lead={t('form.milestoneLead')} />
      <Async resource={catalogue}>
        {(cat) => (
          <Async resource={region}>
            {(r) => {
              const current = editing ? r.milestones.find((m) => m.milestoneId === editing) : undefined;
              if (editing && !current) return <p class="notice notice-error">{t('form.itemMissing', { id: editing })}</p>;
              return <MilestoneForm region={r} catalogue={cat} current={current} />;
            }}
          </Async>
        )}
      </Async>
    </>
  );
};

export default MilestoneFormScreen;
