import { useState } from 'preact/hooks';
import { api, enc, isMissingRoute } from '../api/client';
import type { ItemRevisions } from '../api/types';
import { formatDateTime, formatNumber } from '../i18n/format';
import { t, useLocale } from '../i18n/i18n';
import { Async, useResource } from './async';
import { type Column, DataTable } from './data-table';
import { Dialog } from './dialog';

type Revision = ItemRevisions['revisions'][number];

const HistoryTable = ({ regionId, item, label }: { regionId: string; item: string; label: string }) => {
  const locale = useLocale();
  const history = useResource((signal) => api.get<ItemRevisions>(`/v1/regions/${enc(regionId)}/revisions?item=${enc(item)}`, signal), [regionId, item]);
  if (history.state === 'error' && isMissingRoute(history.error)) return <p>{t('history.unavailable')}</p>;
  const columns: Column<Revision>[] = [
    { header: t('review.revision'), rowHeader: true, numeric: true, render: (r) => formatNumber(r.revision, locale, 0), csv: (r) => r.revision },
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
