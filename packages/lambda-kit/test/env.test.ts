import { describe, expect, it } from 'vitest';
import { requiredEnv } from '@modellregionen/lambda-kit';

describe('requiredEnv', () => {
  it('reads a setting, and refuses to start without it, naming it', () => {
    expect(requiredEnv('TABLE_NAME', { TABLE_NAME: 'modellregionen' })).toBe('modellregionen');
    expect(() => requiredEnv('TABLE_NAME', {})).toThrow('environment variable TABLE_NAME must be set');
    expect(() => requiredEnv('TABLE_NAME', { TABLE_NAME: '' })).toThrow('environment variable TABLE_NAME must be set');
  });
});
