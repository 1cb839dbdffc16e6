import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api, ApiError, enc } from '../api/client';
import type { Accepted, FieldError, RegionView } from '../api/types';
import { MINISTRY_ID } from '../api/types';
import { pendingStore } from '../data/pending';
import { localDateTimeWithOffset } from '../i18n/format';
import { t } from '../i18n/i18n';
import { navigate } from '../router';
import { describeError } from './async';
import { ErrorSummary, type Errors, errorsByPath } from './fields';
import { Notice } from './page';

/** 1 to 64 characters of a-z, 0-9 and inner hyphens (the API's slug rule). */
const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** An id from a title: lower case, umlauts spelled out, hyphens between words, at most 64 characters. */
export const slugify = (title: string): string =>
  title
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks of a form before sending: each names its path and an error code the translations know. */
export class Checks {
  readonly errors: FieldError[] = [];
  add(path: string, code: string, message: string, params?: Record<string, unknown>): void {
    this.errors.push({ path, code, message, ...(params ? { params } : {}) });
  }
  required(path: string, value: string): boolean {
    if (value.trim() === '') {
      this.add(path, 'required', 'is required');
      return false;
    }
    return true;
  }
  slug(path: string, value: string): void {
    if (this.required(path, value) && !SLUG_PATTERN.test(value)) {
      this.add(path, 'invalid_slug', 'must be a slug: 1 to 64 characters of a-z, 0-9 and inner hyphens');
    }
  }
  date(path: string, value: string, required: boolean): void {
    if (value === '') {
      if (required) this.add(path, 'required', 'is required');
    } else if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      this.add(path, 'invalid_date', 'must be a date as YYYY-MM-DD');
    }
  }
}

type ReportKind = 'milestones' | 'projects' | 'indicators' | 'findings';

/** The common fields of every report: schema version, revision, and when it was made. */
export const reportEnvelope = (revision: number) => ({ schemaVersion: 1 as const, revision, reportedAt: localDateTimeWithOffset() });

/**
 * Sending a report: the field errors of a 400 go to their fields (and the summary above the form),
 * anything else to a notice; a 202 leads to the region's overview, which follows the report until
 * the aggregation shows it.
 */
export const useReportSender = () => {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [shown, setShown] = useState(0);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const showErrors = (list: FieldError[]) => {
    setErrors(list);
    setShown((n) => n + 1);
  };

  const send = async (input: {
    kind: ReportKind;
    regionId: string;
    body: Record<string, unknown>;
    title: string;
    arrived: (region: RegionView) => boolean;
  }): Promise<void> => {
    setBusy(true);
    setFailure(undefined);
    try {
      const accepted = await api.post<Accepted>(`/v1/regions/${enc(input.regionId)}/${input.kind}`, input.body);
      pendingStore.set({ regionId: input.regionId, eventId: accepted.eventId, title: input.title, arrived: input.arrived, sentAt: Date.now() });
      navigate(input.regionId === MINISTRY_ID ? '/erkenntnisse' : `/regionen/${enc(input.regionId)}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.details.length > 0) showErrors([...err.details]);
      else {
        setErrors([]);
        setFailure(err);
      }
      setBusy(false);
    }
  };

  return { errors, byPath: errorsByPath(errors) as Errors, shown, failure, busy, send, showErrors };
};

/** The form's frame: the error summary, a failure notice, the fields, and the send and cancel actions. */
export const ReportFormFrame = ({
  sender,
  onSubmit,
  children,
  cancelHref,
  revisionNote,
}: {
  sender: ReturnType<typeof useReportSender>;
  onSubmit: () => void;
  children: ComponentChildren;
  cancelHref: string;
  revisionNote: string;
}) => (
  <form
    class="form report-form"
    noValidate
    onSubmit={(e) => {
      e.preventDefault();
      onSubmit();
    }}
  >
    <ErrorSummary errors={sender.errors} shown={sender.shown} />
    {sender.failure !== undefined && (
      <Notice kind="error" title={t('form.sendFailed')}>
        <p>{describeError(sender.failure)}</p>
      </Notice>
    )}
    <p class="revision-note">{revisionNote}</p>
    {children}
    <div class="form-actions">
      <button type="submit" class="button" disabled={sender.busy}>
        {sender.busy ? t('form.sending') : t('form.send')}
      </button>
      <a class="button button-secondary" href={cancelHref}>
        {t('common.cancel')}
      </a>
    </div>
  </form>
);

/** "Neue Meldung (Revision 1)" or "Korrektur: Revision 3 (zuletzt gemeldet: Revision 2)". */
export const revisionNote = (current: number | undefined, next: number): string =>
  current === undefined ? t('form.revisionNew', { next }) : t('form.revisionCorrection', { current, next });
