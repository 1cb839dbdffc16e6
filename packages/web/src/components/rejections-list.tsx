import type { Rejection } from '../api/types';
import { detailTypeLabel } from '../data/labels';
import { fieldErrorText, fieldLabel } from '../i18n/field-errors';
import { formatDateTime } from '../i18n/format';
import { t, useLocale } from '../i18n/i18n';

/** Rejected reports, newest first, each with every reason at its field. */
export const RejectionsList = ({ rejections, headingLevel = 3 }: { rejections: readonly Rejection[]; headingLevel?: 2 | 3 }) => {
  const locale = useLocale();
  if (rejections.length === 0) return <p class="empty">{t('rejections.none')}</p>;
  const sorted = [...rejections].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ol class="rejections">
      {sorted.map((r) => (
        <li class="rejection" key={r.eventId}>
          <Heading class="rejection-title">
            {t('rejections.itemTitle', { kind: detailTypeLabel(r.detailType), date: formatDateTime(r.receivedAt, locale) })}
          </Heading>
          <ul class="rejection-errors">
            {r.errors.map((e) => (
              <li>
                <strong>{fieldLabel(e.path, locale)}:</strong> {fieldErrorText(e, locale)}
              </li>
            ))}
          </ul>
          <p class="meta">{t('rejections.eventId', { id: r.eventId })}</p>
        </li>
      ))}
    </ol>
  );
};
