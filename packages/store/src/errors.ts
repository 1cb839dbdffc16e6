/**
 * A guarded write of a region's time index found an item changed since it was read: a second
 * writer works on the region (one writer per region is what the queue promises). The batch fails
 * and is delivered again, and the delivery that finds its reports already current rebuilds the
 * region's time index.
 */
export class ConcurrentTimelineWrite extends Error {
  override readonly name = 'ConcurrentTimelineWrite';
}
