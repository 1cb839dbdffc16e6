/** Runs `fn` on every item, at most `limit` at once; fails with the first failure once all have settled. */
export const inParallel = async <T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> => {
  let next = 0;
  const failures: unknown[] = [];
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        await fn(items[index]!, index);
      } catch (err) {
        failures.push(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failures.length > 0) throw failures[0];
};
