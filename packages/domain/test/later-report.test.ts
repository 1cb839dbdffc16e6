import { describe, expect, it } from 'vitest';
import { laterReport } from '../src/later-report';

describe('the later of two report times', () => {
  it('is the later instant, whichever comes first', () => {
    const early = '2012-02-10T09:30:00+01:00';
    const late = '2012-02-10T09:00:00Z';
    expect(laterReport(early, late)).toBe(late);
    expect(laterReport(late, early)).toBe(late);
  });

  it('is either when one is missing, and none when both are', () => {
    expect(laterReport(null, '2012-02-10T09:00:00Z')).toBe('2012-02-10T09:00:00Z');
    expect(laterReport('2012-02-10T09:00:00Z', null)).toBe('2012-02-10T09:00:00Z');
    expect(laterReport(null, null)).toBeNull();
  });

  it('is the greater text for one instant written with two offsets, whichever comes first', () => {
    const utc = '2012-02-10T08:30:00Z';
    const berlin = '2012-02-10T09:30:00+01:00';
    expect(berlin > utc).toBe(true);
    expect(laterReport(utc, berlin)).toBe(berlin);
    expect(laterReport(berlin, utc)).toBe(berlin);
  });
});
