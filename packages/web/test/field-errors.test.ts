import { describe, expect, it } from 'vitest';
import { de } from '../src/i18n/de';
import { en } from '../src/i18n/en';
import { fieldErrorText, fieldLabel } from '../src/i18n/field-errors';

describe('field errors in the user\u2019s language', () => {
  it('say the API\u2019s codes in German, with their parameters in German figures', () => {
    expect(fieldErrorText({ path: 'achievedDate', message: 'is required when status is achieved', code: 'required_when_achieved' }, 'de')).toBe(
      'Bitte das Datum angeben, an dem der Meilenstein erreicht wurde.',
    );
    expect(
      fieldErrorText(
        {
          path: 'values.total',
          message: 'must be between 0 and 100 (percent) for unemployment-rate, got 140.5',
          code: 'out_of_range',
          params: { min: 0, max: 100, unit: 'percent', value: 140.5 },
        },
        'de',
      ),
    ).toBe('Der Wert 140,5 liegt außerhalb des zulässigen Bereichs von 0 bis 100 (Prozent).');
    expect(
      fieldErrorText(
        { path: 'achievedDate', message: 'must not be after reportedAt (2012-03-01)', code: 'after_reported_at', params: { reportedAt: '2012-03-01' } },
        'de',
      ),
    ).toBe('Darf nicht nach dem Tag der Meldung (01.03.2012) liegen.');
    expect(fieldErrorText({ path: 'achievedDate', message: 'x', code: 'only_when_achieved', params: { status: 'in_progress' } }, 'de')).toBe(
      'Nur beim Status „erreicht“ angeben (der Status ist „in Arbeit“).',
    );
    expect(fieldErrorText({ path: 'title', message: 'must be at most 200 characters', code: 'too_long', params: { max: 200 } }, 'en')).toBe(
      'At most 200 characters.',
    );
  });

  it('fall back to the API\u2019s English words without a code, with a code the app does not know, or without a parameter the text needs', () => {
    expect(fieldErrorText({ path: 'achievedDate', message: 'is required when status is achieved' }, 'de')).toBe('is required when status is achieved');
    expect(fieldErrorText({ path: 'x', message: 'is odd', code: 'some_future_code' }, 'de')).toBe('is odd');
    expect(fieldErrorText({ path: 'x', message: 'must be between 0 and 100', code: 'out_of_range' }, 'de')).toBe('must be between 0 and 100');
    expect(fieldErrorText({ path: 'x', message: 'is not known', code: 'toString' }, 'de')).toBe('is not known');
  });

  it('name the field a path points at', () => {
    expect(fieldLabel('funding.0.amountEur', 'de')).toBe('Förderung, Zeile 1: Betrag (€)');
    expect(fieldLabel('values.withMigrationBackground', 'de')).toBe('Werte: mit Migrationshintergrund');
    expect(fieldLabel('gesamtkosten', 'de')).toBe('gesamtkosten');
    expect(fieldLabel('', 'en')).toBe('Report');
  });

  it('have every text in both languages, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const key of Object.keys(de) as (keyof typeof de)[]) expect([key, placeholders(en[key])]).toEqual([key, placeholders(de[key])]);
  });
});
