// The five deliberately invalid reports. Each is a coordinator's slip in a report that the demo
// also contains in its valid form: the faulty version goes out some minutes earlier, is rejected
// (and quarantined with its reasons), and the corrected one follows. So the views end the same as
// without the slip, and the rejections list of five regions has one entry each.

import type { Report } from './builders';
import { addMinutes, isoInBerlin, localOfIso } from './berlin-time';

interface Slip {
  /** The valid report this slip is an earlier, faulty version of. */
  readonly source: string;
  readonly itemKey: string;
  readonly revision: number;
  readonly minutesEarlier: number;
  readonly spoil: (detail: Record<string, unknown>) => Record<string, unknown>;
  readonly note: string;
}

const SLIPS: readonly Slip[] = [
  {
    source: 'modellregion.kassel',
    itemKey: 'milestone#auftaktkonferenz',
    revision: 2,
    minutesEarlier: 25,
    spoil: (d) => ({ ...d, achievedDate: '2010-06-29' }),
    note: 'invalid: achievedDate 2010-06-29 is after reportedAt (typed June for May); resent correctly 25 minutes later',
  },
  {
    source: 'modellregion.wiesbaden',
    itemKey: 'indicator#daycare-attendance-3-to-6#2010',
    revision: 1,
    minutesEarlier: 40,
    spoil: (d) => {
      const values = d.values as Record<string, number>;
      return { ...d, values: { ...values, withMigrationBackground: Math.round((values.withMigrationBackground ?? 0) * 10) } };
    },
    note: 'invalid: values.withMigrationBackground out of range 0 to 100 (decimal point lost); resent correctly 40 minutes later',
  },
  {
    source: 'modellregion.hochtaunuskreis',
    itemKey: 'project#sprachpaten-kommunen',
    revision: 2,
    minutesEarlier: 30,
    spoil: (d) => ({ ...d, gesamtkosten: 35000 }),
    note: 'invalid: unknown field "gesamtkosten" (the total is the sum of funding); resent without it 30 minutes later',
  },
  {
    source: 'modellregion.offenbach',
    itemKey: 'project#ausbildungsbruecke',
    revision: 1,
    minutesEarlier: 20,
    spoil: (d) => ({ ...d, endDate: '2011-03-31' }),
    note: 'invalid: endDate 2011-03-31 is before startDate 2011-04-01 (wrong year); resent correctly 20 minutes later',
  },
  {
    source: 'modellregion.main-kinzig-hanau',
    itemKey: 'milestone#konzept-uebergang-schule-beruf',
    revision: 3,
    minutesEarlier: 15,
    spoil: (d) => ({ ...d, regionId: 'hanau' }),
    note: 'invalid: regionId "hanau" does not match the Source modellregion.main-kinzig-hanau; resent correctly 15 minutes later',
  },
];

/** The faulty versions of some of `valid`'s reports, each marked `invalid` with what is wrong. */
export const invalidReports = (valid: readonly Report[]): Report[] =>
  SLIPS.map((slip): Report => {
    const original = valid.find((r) => r.source === slip.source && r.itemKey === slip.itemKey && r.detail.revision === slip.revision);
    if (original === undefined) throw new Error(`no report ${slip.source} ${slip.itemKey} revision ${slip.revision} to derive a slip from`);
    const reportedAt = isoInBerlin(addMinutes(localOfIso(original.detail.reportedAt), -slip.minutesEarlier));
    const detail = slip.spoil({ ...original.detail, reportedAt });
    return {
      source: original.source,
      detailType: original.detailType,
      itemKey: original.itemKey,
      detail: detail as Report['detail'],
      note: slip.note,
      invalid: true,
    };
  });
