import { describe, expect, it } from 'vitest';
import { FIELD_ERROR_CODES, FIELD_ERROR_PARAMS } from '@modellregionen/events';
import { de } from '../src/i18n/de';
import { en } from '../src/i18n/en';
import { API_CODES, fieldErrorText, fieldLabel } from '../src/i18n/field-errors';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

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
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const key of Object.keys(de) as (keyof typeof de)[]) expect([key, placeholders(en[key])]).toEqual([key, placeholders(de[key])]);
  });

  it('know every code the API can give, in German and English, speaking only of the parameters the code carries', () => {
    expect([...API_CODES].sort()).toEqual([...FIELD_ERROR_CODES].sort());
    for (const code of FIELD_ERROR_CODES) {
      const key = `fieldError.${code}`;
      expect([code, Object.hasOwn(de, key), Object.hasOwn(en, key)]).toEqual([code, true, true]);
      const carried: readonly string[] = FIELD_ERROR_PARAMS[code];
      for (const name of placeholders(de[key as keyof typeof de])) expect([code, carried.includes(name!)]).toEqual([code, true]);
    }
  });

  it('say the API\u2019s words inside the parameters in the user\u2019s language too', () => {
    expect(
      fieldErrorText(
        { path: 'lighthouse', message: 'Invalid input: expected boolean, received string', code: 'invalid_type', params: { expected: 'boolean' } },
        'de',
      ),
    ).toBe('Falsche Art von Angabe (erwartet: ja oder nein).');
    expect(fieldErrorText({ path: 'callbackUrl', message: 'must use https', code: 'callback_not_allowed', params: { rule: 'https' } }, 'de')).toBe(
      'Diese Adresse ist für Webhooks nicht zugelassen: nur https-Adressen.',
    );
    expect(fieldErrorText({ path: 'detail-type', message: 'x', code: 'ministry_findings_only', params: { detailType: 'MilestoneReported' } }, 'en')).toBe(
      'The ministry publishes findings only, no report of the kind "Milestone".',
    );
  });
});
