import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { failuresInGroupOrder } from '@modellregionen/lambda-kit';

interface Message {
  readonly id: string;
  readonly group?: string;
}
const handBack = (batch: readonly Message[], failed: readonly string[]) =>
  failuresInGroupOrder(
    batch,
    new Set(failed),
    (m) => m.id,
    (m) => m.group,
  );

describe('failuresInGroupOrder', () => {
  it('hands back a failed message with every later message of its group, in batch order', () => {
    const batch = [
      { id: 'a1', group: 'a' },
      { id: 'b1', group: 'b' },
      { id: 'a2', group: 'a' },
      { id: 'a3', group: 'a' },
      { id: 'b2', group: 'b' },
    ];
    expect(handBack(batch, ['a2'])).toEqual(['a2', 'a3']);
    expect(handBack(batch, ['b1', 'a3'])).toEqual(['b1', 'a3', 'b2']);
    expect(handBack(batch, [])).toEqual([]);
  });

  it('hands back only the failed ones of messages without a group (a standard queue)', () => {
    expect(handBack([{ id: 'x' }, { id: 'y' }, { id: 'z' }], ['x'])).toEqual(['x']);
  });

  it('leaves every group a prefix of its messages delivered, and hands back whatever failed', () => {
    const batch = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), group: fc.constantFrom('a', 'b', 'c') }), {
      selector: (m) => m.id,
      maxLength: 10,
    });
    fc.assert(
      fc.property(
        batch.chain((b) => fc.tuple(fc.constant(b), fc.subarray(b.map((m) => m.id)))),
        ([b, failed]) => {
          const back = new Set(handBack(b, failed));
          for (const id of failed) expect(back.has(id)).toBe(true);
          for (const group of ['a', 'b', 'c']) {
            const kept = b.filter((m) => m.group === group).map((m) => back.has(m.id));
            // Once one message of the group is handed back, every later one is too.
            expect(kept.indexOf(true) === -1 || kept.slice(kept.indexOf(true)).every(Boolean)).toBe(true);
          }
        },
      ),
    );
  });
});
