/**
 * Atom 1.0 feed (RFC 4287) of the published findings, served as `GET /v1/findings.atom`
 * (SPEC section 4) so that other municipalities can subscribe with any feed reader.
 *
 * The document is built by hand, without an XML library: every text and attribute value goes
 * through `text()` / `attr()`, which strip the characters XML 1.0 forbids and escape the five
 * markup characters, so no input (a title with `<script>`, a control character, a lone
 * surrogate) can break the document or inject markup.
 */

export interface FeedFinding {
  /** e.g. `wetzlar` or `ministerium`. */
  regionId: string;
  /** e.g. `Stadt Wetzlar` or `Hessisches Ministerium der Justiz, für Integration und Europa`. */
  regionName: string;
  findingId: string;
  title: string;
  summary: string;
  /** Id of the field of action, e.g. `education`. */
  fieldOfAction: string;
  /** e.g. `Bildung und soziale Beratung`. */
  fieldOfActionTitle: string;
  tags: string[];
  relatedProjectIds: string[];
  revision: number;
  /** ISO 8601 date-time with an offset, e.g. `2012-02-10T09:30:00+01:00`. */
  reportedAt: string;
  reportedBy: string;
}

export interface FeedOptions {
  /** Absolute URL of the feed itself (`rel="self"`). */
  feedUrl: string;
  /** Absolute URL of the JSON list of findings (`rel="alternate"`, `type="application/json"`). */
  findingsUrl: string;
  /** Default `Modellregionen Integration: Erkenntnisse`. */
  title?: string;
  /** The clock, used for the feed's `<updated>` only when there are no findings. */
  now?: () => Date;
}

const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
const DEFAULT_FEED_TITLE = 'Modellregionen Integration: Erkenntnisse';
const PROGRAMME_NAME = 'Modellregionen Integration';

/** Tag URIs (RFC 4151): stable identifiers that do not depend on where the API is deployed. */
const TAG_PREFIX = 'tag:modellregionen-integration.hessen.de,2009:';
const FEED_ID = `${TAG_PREFIX}findings`;
const FIELD_OF_ACTION_SCHEME = `${TAG_PREFIX}fields-of-action`;
const TAG_SCHEME = `${TAG_PREFIX}tags`;
const REGION_SCHEME = `${TAG_PREFIX}regions`;

const GENERATOR = 'Modellregionen Integration Berichtswesen';
const RELATED_PROJECTS_LABEL = 'Zugehörige Projekte';

/**
 * The atom:id of a finding: the same for every revision of it, so a feed reader shows a
 * corrected finding as an update of the entry it already has, not as a new one.
 */
const findingEntryId = (regionId: string, findingId: string): string =>
  `${FEED_ID}/${encodeURIComponent(stripInvalidXmlChars(regionId))}/${encodeURIComponent(stripInvalidXmlChars(findingId))}`;

/**
 * Characters that must not reach the document: everything XML 1.0 forbids (C0 controls other
 * than tab, newline and carriage return; unpaired surrogates; U+FFFE and U+FFFF) and the
 * DEL / C1 controls, which XML 1.0 tolerates but discourages and which never belong in a finding.
 */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

const stripInvalidXmlChars = (value: string): string => value.replace(INVALID_XML_CHARS, '');

const escapeMarkup = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * Character data. Line ends are normalised to `\n` here, as every conforming XML parser would do
 * anyway, so that all parsers (including lenient ones) read the same text.
 */
const text = (value: string): string => escapeMarkup(stripInvalidXmlChars(value).replace(/\r\n?/g, '\n'));

/**
 * An attribute value. Tab, newline and carriage return become a space, which is what attribute
 * value normalisation in a conforming parser turns them into.
 */
const attr = (value: string): string => escapeMarkup(stripInvalidXmlChars(value).replace(/\r\n|[\t\n\r]/g, ' '));

const absoluteUrl = (value: string, name: string): string => {
  let url: URL;
  try {
    url = new URL(stripInvalidXmlChars(value));
  } catch {
    throw new TypeError(`${name} must be an absolute URL, got ${JSON.stringify(value)}`);
  }
  return url.href;
};

// ---------------------------------------------------------------------------------------------
// Date-times

interface Instant {
  /** RFC 3339 form of the input, in the offset it was written with. */
  readonly rfc3339: string;
  /** Milliseconds since the epoch, for ordering. */
  readonly epochMs: number;
}

/**
 * ISO 8601 date-time with an offset. Strict RFC 3339 input (all that the event schema accepts)
 * is returned unchanged; the lenient ISO 8601 forms (`t`/`z` in lower case, a space instead of
 * `T`, seconds left out, offsets `+0100` or `+01`) are normalised to RFC 3339.
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

const daysInMonth = (year: number, month: number): number => {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
};

const pad2 = (n: number): string => String(n).padStart(2, '0');

const parseInstant = (value: string): Instant | undefined => {
  const m = ISO_DATE_TIME.exec(value);
  if (m === null) return undefined;
  const [, ys, mos, ds, hs, mis, ss, fraction, zulu, sign, ohs, oms] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = Number(hs);
  const minute = Number(mis);
  const second = Number(ss ?? '0');
  const offsetHours = Number(ohs ?? '0');
  const offsetMinutes = Number(oms ?? '0');
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // A leap second (:60) is not accepted: it cannot be ordered reliably and the schema rejects it.
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;

  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map the years 0 to 99 onto 1900 to 1999.
  date.setUTCFullYear(year, month - 1, day);
  // Milliseconds from the first three digits of the fraction, by string (0.57 * 1000 is 569.99...).
  date.setUTCHours(hour, minute, second, Number(`${(fraction ?? '.').slice(1)}000`.slice(0, 3)));
  const offsetMs = zulu !== undefined ? 0 : (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const epochMs = date.getTime() - offsetMs;
  if (!Number.isFinite(epochMs)) return undefined;

  const offset = zulu !== undefined ? 'Z' : `${sign ?? '+'}${pad2(offsetHours)}:${pad2(offsetMinutes)}`;
  const rfc3339 = `${ys}-${mos}-${ds}T${hs}:${mis}:${ss ?? '00'}${fraction ?? ''}${offset}`;
  return { rfc3339, epochMs };
};

/** RFC 3339 in UTC, without the `.000` that `toISOString` adds when there are no milliseconds. */
const rfc3339OfDate = (date: Date): string => {
  if (Number.isNaN(date.getTime())) throw new RangeError('now() returned an invalid Date');
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`now() returned a date outside the years 0000 to 9999: ${year}`);
  return date.toISOString().replace('.000Z', 'Z');
};

// ---------------------------------------------------------------------------------------------
// Rendering

interface Entry {
  readonly id: string;
  readonly finding: FeedFinding;
  readonly updated: Instant;
}

/** Newest first; at the same instant by region id, then finding id (code-unit order, not locale). */
const newestFirst = (a: Entry, b: Entry): number =>
  b.updated.epochMs - a.updated.epochMs || compareStrings(a.finding.regionId, b.finding.regionId) || compareStrings(a.finding.findingId, b.finding.findingId);

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One entry per finding. Should the list hold several revisions of the same finding, only the
 * latest (highest revision, then latest reportedAt) is kept, so that entry ids stay unique.
 */
const entriesOf = (findings: readonly FeedFinding[]): Entry[] => {
  const byId = new Map<string, Entry>();
  for (const finding of findings) {
    const updated = parseInstant(finding.reportedAt);
    if (updated === undefined) {
      throw new RangeError(
        `finding ${finding.regionId}/${finding.findingId}: reportedAt must be an ISO 8601 date-time with an offset, ` +
          `got ${JSON.stringify(finding.reportedAt)}`,
      );
    }
    const entry: Entry = { id: findingEntryId(finding.regionId, finding.findingId), finding, updated };
    const known = byId.get(entry.id);
    if (
      known === undefined ||
      finding.revision > known.finding.revision ||
      (finding.revision === known.finding.revision && updated.epochMs > known.updated.epochMs)
    ) {
      byId.set(entry.id, entry);
    }
  }
  return [...byId.values()].sort(newestFirst);
};

/** Single-line labels (tags, project ids): cleaned, line breaks and tabs made spaces, no blanks, no duplicates. */
const distinctNonBlank = (values: readonly string[]): string[] => {
  const seen = new Set<string>();
  for (const value of values) {
    const clean = stripInvalidXmlChars(value).replace(/\r\n|[\t\n\r]/g, ' ');
    if (clean.trim() !== '') seen.add(clean);
  }
  return [...seen];
};

const contentOf = (finding: FeedFinding): string => {
  const lines = [finding.summary, finding.regionName];
  // The API has no public URL per project (subscribers see findings only), so related projects
  // are named in the content rather than linked with rel="related".
  const projects = distinctNonBlank(finding.relatedProjectIds);
  if (projects.length > 0) lines.push(`${RELATED_PROJECTS_LABEL}: ${projects.join(', ')}`);
  return lines.join('\n');
};

const renderEntry = ({ id, finding, updated }: Entry): string[] => [
  '  <entry>',
  `    <id>${text(id)}</id>`,
  `    <title type="text">${text(finding.title)}</title>`,
  `    <updated>${text(updated.rfc3339)}</updated>`,
  '    <author>',
  `      <name>${text(finding.reportedBy)}</name>`,
  '    </author>',
  `    <category term="${attr(finding.fieldOfAction)}" scheme="${attr(FIELD_OF_ACTION_SCHEME)}" label="${attr(finding.fieldOfActionTitle)}"/>`,
  `    <category term="${attr(finding.regionId)}" scheme="${attr(REGION_SCHEME)}" label="${attr(finding.regionName)}"/>`,
  ...distinctNonBlank(finding.tags).map((tag) => `    <category term="${attr(tag)}" scheme="${attr(TAG_SCHEME)}" label="${attr(tag)}"/>`),
  `    <summary type="text">${text(finding.summary)}</summary>`,
  `    <content type="text">${text(contentOf(finding))}</content>`,
  '  </entry>',
];

/**
 * The Atom document of the given findings, newest first. Throws a RangeError when a finding's
 * reportedAt is not a date-time with an offset (the event schema guarantees that it is) and a
 * TypeError when feedUrl or findingsUrl is not an absolute URL.
 */
export function renderFindingsFeed(findings: readonly FeedFinding[], options: FeedOptions): string {
  const feedUrl = absoluteUrl(options.feedUrl, 'feedUrl');
  const findingsUrl = absoluteUrl(options.findingsUrl, 'findingsUrl');
  const entries = entriesOf(findings);
  const newest = entries[0];
  const updated = newest !== undefined ? newest.updated.rfc3339 : rfc3339OfDate((options.now ?? (() => new Date()))());

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="${ATOM_NAMESPACE}" xml:lang="de">`,
    `  <id>${text(FEED_ID)}</id>`,
    `  <title type="text">${text(options.title ?? DEFAULT_FEED_TITLE)}</title>`,
    `  <updated>${text(updated)}</updated>`,
    '  <author>',
    `    <name>${text(PROGRAMME_NAME)}</name>`,
    '  </author>',
    `  <link rel="self" type="application/atom+xml" href="${attr(feedUrl)}"/>`,
    `  <link rel="alternate" type="application/json" href="${attr(findingsUrl)}"/>`,
    `  <generator>${text(GENERATOR)}</generator>`,
    ...entries.flatMap(renderEntry),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}
