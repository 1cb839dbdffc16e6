import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { type FeedFinding, type FeedOptions, renderFindingsFeed } from '../src/atom-feed';

const ATOM = 'http://www.w3.org/2005/Atom';
const FEED_URL = 'https://api.modellregionen.example/v1/findings.atom';
const FINDINGS_URL = 'https://api.modellregionen.example/v1/findings';
const NOW = new Date('2012-03-01T10:00:00Z');
const options: FeedOptions = { feedUrl: FEED_URL, findingsUrl: FINDINGS_URL, now: () => NOW };

const finding = (overrides: Partial<FeedFinding> = {}): FeedFinding => ({
  regionId: 'wetzlar',
  regionName: 'Stadt Wetzlar',
  findingId: 'elternlotsen-kita',
  title: 'Elternlotsen erreichen Familien früher',
  summary: 'Mehrsprachige Elternlotsen in Kitas senken die Schwelle zur Beratung deutlich.',
  fieldOfAction: 'education',
  fieldOfActionTitle: 'Bildung und soziale Beratung',
  tags: ['Elternarbeit', 'Kita'],
  relatedProjectIds: [],
  revision: 1,
  reportedAt: '2012-02-10T09:30:00+01:00',
  reportedBy: 'Koordinierungsstelle Wetzlar',
  ...overrides,
});

// ----------------------------------------------------------------------------------------------
// Reading the document back, independently of the renderer

/** Every element is parsed as an array, so "exactly once" can be counted. */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name: string, _jPath: unknown, _isLeaf: boolean, isAttribute: boolean) => !isAttribute,
});

type XmlNode = { [key: string]: XmlNode[] | string | undefined } | string;

const children = (node: XmlNode | undefined, name: string): XmlNode[] => {
  if (node === undefined || typeof node === 'string') return [];
  const value = node[name];
  return Array.isArray(value) ? value : [];
};
const only = (node: XmlNode | undefined, name: string): XmlNode => {
  const found = children(node, name);
  expect(found, `exactly one <${name}>`).toHaveLength(1);
  return found[0] as XmlNode;
};
const textOf = (node: XmlNode | undefined): string => {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  const value = node['#text'];
  return typeof value === 'string' ? value : '';
};
const attrOf = (node: XmlNode | undefined, name: string): string | undefined => {
  if (node === undefined || typeof node === 'string') return undefined;
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
};

const parseFeed = (xml: string): XmlNode => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return only(parser.parse(xml) as XmlNode, 'feed');
};
const entriesOf = (feed: XmlNode): XmlNode[] => children(feed, 'entry');

/** RFC 3339 section 5.6 `date-time`, with full-date and time ranges checked. */
const RFC3339 = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const isRfc3339 = (value: string): boolean => RFC3339.test(value) && Number.isFinite(Date.parse(value));

/** What XML 1.0 cannot carry (and the C1 controls), as the renderer promises to drop. */
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/gu;
const expectedText = (value: string): string => value.replace(ILLEGAL, '').replace(/\r\n?/g, '\n');

const hostile = [
  '<script>alert("x")</script>',
  'Tom & Jerry &amp; &lt;b&gt; &#x26; &nbsp;',
  `"double" and 'single' quotes`,
  'control\u0000\u0001\u0008\u000B\u000C\u001B\u007F\u0085 characters\tand\r\nline ends\rhere',
  'emoji 🇩🇪👩🏽‍🏫 and umlauts ÄÖÜäöüß',
  ']]> <![CDATA[ x ]]> <!-- comment --> <?pi x?>',
  '</title></entry><entry><title>injected',
  'lone surrogates \uD800 and \uDFFF and nonchars \uFFFE\uFFFF',
];

// ----------------------------------------------------------------------------------------------

describe('renderFindingsFeed: the document', () => {
  it('is a well-formed UTF-8 XML document whose root is an Atom feed in German', () => {
    const xml = renderFindingsFeed([finding()], options);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const feed = parseFeed(xml);
    expect(attrOf(feed, 'xmlns')).toBe(ATOM);
    expect(attrOf(feed, 'xml:lang')).toBe('de');
  });

  it('has exactly one id, title and updated, an author, a generator, and the self and alternate links', () => {
    const feed = parseFeed(renderFindingsFeed([finding()], options));
    expect(textOf(only(feed, 'id'))).toBe('tag:modellregionen-integration.hessen.de,2009:findings');
    expect(textOf(only(feed, 'title'))).toBe('Modellregionen Integration: Erkenntnisse');
    expect(attrOf(only(feed, 'title'), 'type')).toBe('text');
    expect(isRfc3339(textOf(only(feed, 'updated')))).toBe(true);
    expect(textOf(only(only(feed, 'author'), 'name'))).toBe('Modellregionen Integration');
    expect(textOf(only(feed, 'generator')).length).toBeGreaterThan(0);

    const links = children(feed, 'link');
    const self = links.filter((l) => attrOf(l, 'rel') === 'self');
    const alternate = links.filter((l) => attrOf(l, 'rel') === 'alternate');
    expect(self).toHaveLength(1);
    expect(attrOf(self[0], 'href')).toBe(FEED_URL);
    expect(attrOf(self[0], 'type')).toBe('application/atom+xml');
    expect(alternate).toHaveLength(1);
    expect(attrOf(alternate[0], 'href')).toBe(FINDINGS_URL);
    expect(attrOf(alternate[0], 'type')).toBe('application/json');
  });

  it('takes a custom title, and escapes an ampersand in a link query', () => {
    const findingsUrl = 'https://api.modellregionen.example/v1/findings?fieldOfAction=education&regionId=wetzlar';
    const xml = renderFindingsFeed([], { ...options, findingsUrl, title: 'Erkenntnisse: Bildung & Sprache' });
    expect(xml).toContain('fieldOfAction=education&amp;regionId=wetzlar');
    const feed = parseFeed(xml);
    expect(textOf(only(feed, 'title'))).toBe('Erkenntnisse: Bildung & Sprache');
    const alternate = children(feed, 'link').find((l) => attrOf(l, 'rel') === 'alternate');
    expect(attrOf(alternate, 'href')).toBe(findingsUrl);
  });

  it('rejects a feedUrl or findingsUrl that is not absolute', () => {
    expect(() => renderFindingsFeed([], { ...options, feedUrl: '/v1/findings.atom' })).toThrow(TypeError);
    expect(() => renderFindingsFeed([], { ...options, findingsUrl: 'findings' })).toThrow(TypeError);
  });

  it('is still a valid feed without findings, updated at now()', () => {
    const feed = parseFeed(renderFindingsFeed([], options));
    expect(entriesOf(feed)).toHaveLength(0);
    only(feed, 'id');
    only(feed, 'title');
    expect(textOf(only(feed, 'updated'))).toBe('2012-03-01T10:00:00Z');
    only(feed, 'author');
  });

  it('keeps the milliseconds of now() when there are any', () => {
    const feed = parseFeed(renderFindingsFeed([], { ...options, now: () => new Date('2012-03-01T10:00:00.250Z') }));
    expect(textOf(only(feed, 'updated'))).toBe('2012-03-01T10:00:00.250Z');
  });
});

describe('renderFindingsFeed: entries', () => {
  it('has exactly one id, title, updated and author (name = reportedBy) per entry, and a text summary', () => {
    const findings = [
      finding(),
      finding({
        regionId: 'ministerium',
        regionName: 'Hessisches Ministerium der Justiz, für Integration und Europa',
        findingId: 'interkulturelle-oeffnung',
        reportedBy: 'Referat Integration',
        reportedAt: '2012-02-20T14:00:00+01:00',
      }),
    ];
    const entries = entriesOf(parseFeed(renderFindingsFeed(findings, options)));
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      only(entry, 'id');
      expect(attrOf(only(entry, 'title'), 'type')).toBe('text');
      expect(isRfc3339(textOf(only(entry, 'updated')))).toBe(true);
      expect(children(entry, 'published')).toHaveLength(0);
      expect(attrOf(only(entry, 'summary'), 'type')).toBe('text');
      expect(attrOf(only(entry, 'content'), 'type')).toBe('text');
      expect(children(only(entry, 'author'), 'name')).toHaveLength(1);
    }
    expect(entries.map((e) => textOf(only(only(e, 'author'), 'name')))).toEqual(['Referat Integration', 'Koordinierungsstelle Wetzlar']);
  });

  it('carries the title, the summary, and as content the summary with the region name on a new line', () => {
    const [entry] = entriesOf(parseFeed(renderFindingsFeed([finding()], options)));
    expect(textOf(only(entry, 'title'))).toBe('Elternlotsen erreichen Familien früher');
    expect(textOf(only(entry, 'summary'))).toBe(finding().summary);
    expect(textOf(only(entry, 'content'))).toBe(`${finding().summary}\nStadt Wetzlar`);
  });

  it('names related projects in the content (there is no public URL per project to link)', () => {
    const [entry] = entriesOf(parseFeed(renderFindingsFeed([finding({ relatedProjectIds: ['elternlotsen', 'kita-sprache'] })], options)));
    expect(textOf(only(entry, 'content'))).toBe(`${finding().summary}\nStadt Wetzlar\nZugehörige Projekte: elternlotsen, kita-sprache`);
    expect(children(entry, 'link').filter((l) => attrOf(l, 'rel') === 'related')).toHaveLength(0);
  });

  it('carries the field of action, each distinct non-blank tag and the region as categories', () => {
    const [entry] = entriesOf(parseFeed(renderFindingsFeed([finding({ tags: ['Kita', 'Elternarbeit', 'Kita', '  ', 'Eltern\narbeit'] })], options)));
    const categories = children(entry, 'category').map((c) => ({
      term: attrOf(c, 'term'),
      scheme: attrOf(c, 'scheme'),
      label: attrOf(c, 'label'),
    }));
    const fields = categories.filter((c) => c.scheme === 'tag:modellregionen-integration.hessen.de,2009:fields-of-action');
    expect(fields).toEqual([
      {
        term: 'education',
        scheme: 'tag:modellregionen-integration.hessen.de,2009:fields-of-action',
        label: 'Bildung und soziale Beratung',
      },
    ]);
    const tags = categories.filter((c) => c.scheme === 'tag:modellregionen-integration.hessen.de,2009:tags');
    expect(tags.map((t) => t.term)).toEqual(['Kita', 'Elternarbeit', 'Eltern arbeit']);
    const regions = categories.filter((c) => c.scheme === 'tag:modellregionen-integration.hessen.de,2009:regions');
    expect(regions).toEqual([{ term: 'wetzlar', scheme: 'tag:modellregionen-integration.hessen.de,2009:regions', label: 'Stadt Wetzlar' }]);
  });

  it('gives each finding an id that is unique and the same for every revision', () => {
    const idOf = (f: FeedFinding): string => {
      const [entry] = entriesOf(parseFeed(renderFindingsFeed([f], options)));
      return textOf(only(entry, 'id'));
    };
    const first = finding();
    const corrected = finding({
      revision: 3,
      title: 'Elternlotsen erreichen Familien deutlich früher',
      reportedAt: '2012-04-02T08:00:00+02:00',
    });
    expect(idOf(first)).toBe('tag:modellregionen-integration.hessen.de,2009:findings/wetzlar/elternlotsen-kita');
    expect(idOf(corrected)).toBe(idOf(first));
    // The same finding id in another region is another finding.
    expect(idOf(finding({ regionId: 'giessen', regionName: 'Stadt Gießen' }))).not.toBe(idOf(first));

    const many = [
      first,
      finding({ findingId: 'sprachcafe' }),
      finding({ regionId: 'giessen', regionName: 'Stadt Gießen' }),
      finding({ regionId: 'ministerium', findingId: 'sprachcafe' }),
    ];
    const ids = entriesOf(parseFeed(renderFindingsFeed(many, options))).map((e) => textOf(only(e, 'id')));
    expect(new Set(ids).size).toBe(4);
  });

  it('shows only the latest revision when several revisions of a finding are given', () => {
    const first = finding();
    const corrected = finding({ revision: 3, title: 'Korrigierte Fassung', reportedAt: '2012-04-02T08:00:00+02:00' });
    for (const list of [
      [first, corrected],
      [corrected, first],
    ]) {
      const entries = entriesOf(parseFeed(renderFindingsFeed(list, options)));
      expect(entries).toHaveLength(1);
      expect(textOf(only(entries[0], 'title'))).toBe('Korrigierte Fassung');
      expect(textOf(only(entries[0], 'updated'))).toBe('2012-04-02T08:00:00+02:00');
    }
  });
});

describe('renderFindingsFeed: dates and order', () => {
  it('orders entries newest first by instant, not by the written text, with ties by region then finding', () => {
    const findings = [
      finding({ regionId: 'a', findingId: 'oldest', reportedAt: '2012-01-05T12:00:00Z' }),
      // 09:30+01:00 is 08:30Z: earlier than 09:00Z although it reads later.
      finding({ regionId: 'a', findingId: 'earlier', reportedAt: '2012-02-10T09:30:00+01:00' }),
      finding({ regionId: 'a', findingId: 'newest', reportedAt: '2012-02-10T09:00:00Z' }),
      finding({ regionId: 'b', findingId: 'tie-a', reportedAt: '2012-02-01T10:00:00+01:00' }),
      finding({ regionId: 'a', findingId: 'tie-z', reportedAt: '2012-02-01T09:00:00Z' }),
      finding({ regionId: 'a', findingId: 'tie-b', reportedAt: '2012-02-01T09:00:00.000Z' }),
    ];
    const feed = parseFeed(renderFindingsFeed(findings, options));
    const order = entriesOf(feed).map((e) => textOf(only(e, 'id')).split('/').slice(-2).join('/'));
    expect(order).toEqual(['a/newest', 'a/earlier', 'a/tie-b', 'a/tie-z', 'b/tie-a', 'a/oldest']);
    expect(textOf(only(feed, 'updated'))).toBe('2012-02-10T09:00:00Z');
  });

  it('sets the feed updated to the newest entry updated, and keeps the offset the finding was written with', () => {
    const findings = [
      finding({ findingId: 'a', reportedAt: '2012-02-10T09:30:00+01:00' }),
      finding({ findingId: 'b', reportedAt: '2012-02-10T08:00:00-05:30' }),
      finding({ findingId: 'c', reportedAt: '2011-12-31T23:59:59.999Z' }),
    ];
    const feed = parseFeed(renderFindingsFeed(findings, options));
    const updated = entriesOf(feed).map((e) => textOf(only(e, 'updated')));
    expect(updated).toEqual(['2012-02-10T08:00:00-05:30', '2012-02-10T09:30:00+01:00', '2011-12-31T23:59:59.999Z']);
    expect(textOf(only(feed, 'updated'))).toBe(updated[0]);
    const instants = updated.map((u) => Date.parse(u));
    expect([...instants].sort((x, y) => y - x)).toEqual(instants);
  });

  it('normalises lenient ISO 8601 forms to RFC 3339', () => {
    const cases: [string, string][] = [
      ['2012-02-10t09:30:00z', '2012-02-10T09:30:00Z'],
      ['2012-02-10 09:30+0100', '2012-02-10T09:30:00+01:00'],
      ['2012-02-10T09:30:00.5+01', '2012-02-10T09:30:00.5+01:00'],
    ];
    for (const [reportedAt, expected] of cases) {
      const [entry] = entriesOf(parseFeed(renderFindingsFeed([finding({ reportedAt })], options)));
      const updated = textOf(only(entry, 'updated'));
      expect(updated).toBe(expected);
      expect(isRfc3339(updated)).toBe(true);
      expect(Date.parse(updated)).toBe(Date.parse(expected));
    }
  });

  it('refuses a reportedAt that is not a real date-time with an offset', () => {
    for (const reportedAt of ['2012-02-10T09:30:00', '2012-02-30T09:30:00Z', '2012-02-10T24:00:00Z', '2012-02-10', 'gestern', '']) {
      expect(() => renderFindingsFeed([finding({ reportedAt })], options), reportedAt).toThrow(RangeError);
    }
  });
});

describe('renderFindingsFeed: hostile input', () => {
  it.each(hostile)('stays well-formed and keeps the text of %j', (evil) => {
    const xml = renderFindingsFeed(
      [
        finding({
          title: evil,
          summary: evil,
          tags: [evil, 'Kita'],
          relatedProjectIds: [evil],
          reportedBy: evil,
          regionName: evil,
          fieldOfActionTitle: evil,
        }),
      ],
      { ...options, title: evil },
    );
    expect(xml).not.toMatch(ILLEGAL);
    expect(xml).not.toContain('<script>');
    // Line ends are normalised in the document itself, so lenient parsers read what conforming ones do.
    expect(xml).not.toContain('\r');
    const feed = parseFeed(xml);
    const entries = entriesOf(feed);
    expect(entries).toHaveLength(1);
    const entry = entries[0];
    expect(textOf(only(feed, 'title'))).toBe(expectedText(evil));
    expect(textOf(only(entry, 'title'))).toBe(expectedText(evil));
    expect(textOf(only(entry, 'summary'))).toBe(expectedText(evil));
    expect(textOf(only(only(entry, 'author'), 'name'))).toBe(expectedText(evil));
    expect(textOf(only(entry, 'content')).startsWith(`${expectedText(evil)}\n${expectedText(evil)}\n`)).toBe(true);
    const field = children(entry, 'category').find((c) => attrOf(c, 'term') === 'education');
    expect(attrOf(field, 'label')).toBe(expectedText(evil).replace(/[\t\n]/g, ' '));
  });
});

describe('renderFindingsFeed: property', () => {
  /** Any code point, and also any UTF-16 code unit (lone surrogates included). */
  const anyText = (maxLength: number) =>
    fc.oneof(
      fc.string({ unit: 'binary', maxLength }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), maxLength }),
      fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", ';', '#', '\r', '\n', '\u0000', 'ä', '🇩🇪', 'a', ' '), maxLength }),
    );

  it('always gives a well-formed document that round-trips the title, summary and tags', () => {
    fc.assert(
      fc.property(anyText(200), anyText(400), fc.array(anyText(50), { maxLength: 5 }), anyText(100), (title, summary, tags, reportedBy) => {
        const xml = renderFindingsFeed([finding({ title, summary, tags, reportedBy, regionName: reportedBy })], options);
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(xml).not.toMatch(ILLEGAL);
        const [entry] = entriesOf(only(parser.parse(xml) as XmlNode, 'feed'));
        expect(textOf(only(entry, 'title'))).toBe(expectedText(title));
        expect(textOf(only(entry, 'summary'))).toBe(expectedText(summary));
        expect(textOf(only(only(entry, 'author'), 'name'))).toBe(expectedText(reportedBy));
        const expectedTags = [...new Set(tags.map((t) => expectedText(t).replace(/[\t\n]/g, ' ')).filter((t) => t.trim() !== ''))];
        const tagTerms = children(entry, 'category')
          .filter((c) => attrOf(c, 'scheme') === 'tag:modellregionen-integration.hessen.de,2009:tags')
          .map((c) => attrOf(c, 'term'));
        expect(tagTerms).toEqual(expectedTags);
      }),
      { numRuns: 300 },
    );
  });
});
