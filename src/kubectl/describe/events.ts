/** describe.DescribeEvents: the Events table, sorted by lastTimestamp with Go's sort. */
import { goSort } from '../util/gosort';
import { since, type Ctx, type J } from './format';
import { L0, L1, type PrefixWriter } from './writer';

const zero = (t: unknown) => !t;
const tms = (t: string | undefined) => (t ? Date.parse(t) : -62135596800000);

export function describeEvents(events: J[], w: PrefixWriter, ctx: Ctx): void {
  if (!events.length) {
    w.write(L0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = goSort([...events], (a, b) => tms(a.lastTimestamp) < tms(b.lastTimestamp));
  w.write(L0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(L1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    let first = since(e.eventTime, ctx);
    if (zero(e.eventTime)) first = since(e.firstTimestamp, ctx);
    let interval: string;
    if (e.series) interval = `${since(e.series.lastObservedTime, ctx)} (x${e.series.count} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, ctx)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(L1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${String(e.message ?? '').trim()}\n`);
  }
}
