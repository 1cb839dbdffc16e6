/**
 * The messages of a batch to hand back to a FIFO queue: each one that failed, and every later
 * message of its message group in the batch, whatever became of it. Otherwise the later ones
 * would be deleted and the failed one delivered after them, out of its group's order (AWS's
 * advice for partial batch responses on FIFO queues). Messages without a group (a standard
 * queue) are handed back only if they failed themselves.
 */
export const failuresInGroupOrder = <M>(
  batch: readonly M[],
  failed: ReadonlySet<string>,
  idOf: (message: M) => string,
  groupOf: (message: M) => string | undefined,
): string[] => {
  const heldGroups = new Set<string>();
  const out: string[] = [];
  for (const message of batch) {
    const id = idOf(message);
    const group = groupOf(message);
    const held = group !== undefined && heldGroups.has(group);
    if (!failed.has(id) && !held) continue;
    out.push(id);
    if (group !== undefined) heldGroups.add(group);
  }
  return out;
};
