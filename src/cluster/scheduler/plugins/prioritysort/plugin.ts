/** PrioritySort (QueueSort): higher spec.priority first, then the earlier queue timestamp. */
import type { QueueSortPlugin, QueueSortable } from '../../framework/types';

export const Name = 'PrioritySort';

export function less(a: QueueSortable, b: QueueSortable): boolean {
  const p1 = a.podInfo.priority;
  const p2 = b.podInfo.priority;
  if (p1 !== p2) return p1 > p2;
  // Timestamps have millisecond resolution here; the enqueue sequence keeps FIFO within one.
  return a.timestamp < b.timestamp || (a.timestamp === b.timestamp && a.seq < b.seq);
}

export function newPrioritySort(): QueueSortPlugin {
  return { name: Name, less };
}
