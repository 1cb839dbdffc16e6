import { useState } from 'preact/hooks';
import { api, enc } from '../api/client';
import { type FundingLine, type ItemRevisions, MILESTONE_STATUSES, PROJECT_STATUSES } from '../api/types';
import { formatDate, formatDateTime, formatEur, formatNumber, type Locale } from '../i18n/format';
import { t, useLocale } from '../i18n/i18n';
import { Async, useResource } from './async';
import { type Column, DataTable } from './data-table';
import { Dialog } from './dialog';

type Revision = ItemRevisions['revisions'][number];

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => (list as readonly unknown[]).includes(value);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** What a revision said, in a line: the status of a milestone or project, the values of an indicator, a finding's title. */
const stateOf = (item: string, detail: Record<string, unknown>, locale: Locale): string => {
  const parts: string[] = [];
  const { status } = detail;
  switch (item.split('#')[0]) {
    case 'milestone':
      if (isOneOf(MILESTONE_STATUSES, status)) parts.push(t(`milestoneStatus.${status}`));
      if (typeof detail.achievedDate === 'string') parts.push(`${t('field.achievedDate')} ${formatDate(detail.achievedDate, locale)}`);
      break;
    case 'project': {
      if (isOneOf(PROJECT_STATUSES, status)) parts.push(t(`projectStatus.${status}`));
      const funding = Array.isArray(detail.funding) ? (detail.funding as FundingLine[]) : [];
      parts.push(`${t('field.funding')} ${formatEur(funding.reduce((n, f) => n + Math.round((num(f.amountEur) ?? 0) * 100), 0) / 100, locale)}`);
      break;
    }
    case 'indicator': {
      const values = (typeof detail.values === 'object' && detail.values !== null ? detail.values : {}) as Record<string, unknown>;
      const named = [
        ['ind.total', values.total],
        ['ind.with', values.withMigrationBackground],
        ['ind.without', values.withoutMigrationBackground],
      ] as const;
      for (const [key, value] of named) if (num(value) !== undefined) parts.push(`${t(key)} ${formatNumber(num(value), locale, 6)}`);
      break;
    }
    default:
      if (typeof detail.title === 'string') parts.push(detail.title);
  }
  return parts.join('; ');
};

const HistoryTable = ({ regionId, item, label }: { regionId: string; item: string; label: string }) => {
  const locale = useLocale();
  const history = useResource((signal) => api.get<ItemRevisions>(`/v1/regions/${enc(regionId)}/revisions?item=${enc(item)}`, signal), [regionId, item]);
  const columns: Column<Revision>[] = [
    { header: t('review.revision'), rowHeader: true, numeric: true, render: (r) => formatNumber(r.revision, locale, 0), csv: (r) => r.revision },
    { header: t('history.state'), render: (r) => stateOf(item, r.detail, locale), csv: (r) => stateOf(item, r.detail, 'de') },
    { header: t('history.reportedBy'), render: (r) => r.reportedBy, csv: (r) => r.reportedBy },
    { header: t('review.reportedAt'), render: (r) => formatDateTime(r.reportedAt, locale), csv: (r) => formatDateTime(r.reportedAt, 'de') },
    { header: t('review.acceptedAt'), render: (r) => formatDateTime(r.acceptedAt, locale), csv: (r) => formatDateTime(r.acceptedAt, 'de') },
    {
      header: t('history.outcome'),
      render: (r) => (r.outcome === 'applied' ? t('history.applied') : t('history.superseded')),
      csv: (r) => (r.outcome === 'applied' ? t('history.applied') : t('history.superseded')),
    },
  ];
  return (
    <Async resource={history}>
      {(h) => (
        <DataTable
          caption={t('history.caption', { label })}
          columns={columns}
          rows={h.revisions}
          rowKey={(r) => r.eventId}
          filename={`verlauf-${regionId}-${item.replace(/#/g, '-')}`}
          empty={t('history.none')}
        />
      )}
    </Async>
  );
};

/**
 * "Verlauf": every revision of one item with who reported it and when (the audit records of the
 * store), in a dialog, loaded when opened.
 */
export const HistoryButton = ({ regionId, item, label }: { regionId: string; item: string; label: string }) => {
  const [open, setOpen] = useState(false);
  const id = `history-${item.replace(/[^\w-]/g, '-')}`;
  return (
    <>
      <button type="button" class="button button-small button-secondary" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t('history.button')}
        <span class="visually-hidden">: {label}</span>
      </button>
      <Dialog
        id={id}
        open={open}
        onClose={() => setOpen(false)}
        title={t('history.title', { label })}
        wide
        actions={
          <button type="button" class="button button-secondary" onClick={() => setOpen(false)}>
            {t('common.close')}
          </button>
        }
      >
        {open && <HistoryTable regionId={regionId} item={item} label={label} />}
      </Dialog>
    </>
  );
};
