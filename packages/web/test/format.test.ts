import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatEur, formatSigned, formatValue, localDateTimeWithOffset, parseLocaleNumber } from '../src/i18n/format';

const plain = (s: string) => s.replace(/\s/g, ' ');

describe('de-DE formats', () => {
  it('show calendar days as days, whatever the time zone, and instants in Berlin time', () => {
    expect(formatDate('2012-02-29', 'de')).toBe('29.02.2012');
    expect(formatDate('2012-02-29', 'en')).toBe('29/02/2012');
    expect(formatDateTime('2012-02-10T08:30:00Z', 'de')).toBe('10.02.2012, 09:30');
    expect(formatDateTime('2012-07-10T08:30:00Z', 'de')).toBe('10.07.2012, 10:30');
  });

  it('show amounts and values in their units', () => {
    expect(plain(formatEur(1128133.23, 'de'))).toBe('1.128.133,23 €');
    expect(plain(formatEur(48000, 'de'))).toBe('48.000 €');
    expect(formatValue(12.34, 'percent', 'de')).toBe('12,3 %');
    expect(formatValue(4.5, 'per1000', 'de')).toBe('4,5 ‰');
    expect(formatValue(1234, 'count', 'de')).toBe('1.234');
    expect(formatSigned(5.2, 'de', 1)).toBe('+5,2');
    expect(formatSigned(0, 'de', 1)).toBe('0');
  });

  it('read numbers as people type them', () => {
    expect(parseLocaleNumber('12,5', 'de')).toBe(12.5);
    expect(parseLocaleNumber('1.234,56', 'de')).toBe(1234.56);
    expect(parseLocaleNumber('48.000', 'de')).toBe(48000);
    expect(parseLocaleNumber('12.5', 'de')).toBe(12.5);
    expect(parseLocaleNumber(' 22 500,50 ', 'de')).toBe(22500.5);
    expect(parseLocaleNumber('−3,2', 'de')).toBe(-3.2);
    expect(parseLocaleNumber('1,234.5', 'en')).toBe(1234.5);
    expect(parseLocaleNumber('zwölf', 'de')).toBeUndefined();
    expect(parseLocaleNumber('1,2,3', 'de')).toBeUndefined();
    expect(parseLocaleNumber('', 'de')).toBeUndefined();
  });

  it('write reportedAt with this browser\u2019s offset, as the API requires', () => {
    expect(localDateTimeWithOffset(new Date('2012-02-10T08:30:00Z'))).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });
});
