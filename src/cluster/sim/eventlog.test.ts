import { describe, expect, it } from 'vitest';
import type { StoreEvent } from '../store/history';
import { EventLog } from './eventlog';

const write = (rv: number): StoreEvent => ({ type: 'ADDED', resource: 'pods', rv, object: { metadata: { name: `p${rv}`, namespace: 'default' } } });

describe('EventLog', () => {
  it('keeps every write in order while under capacity', () => {
    const log = new EventLog(() => 0, 5);
    for (let rv = 1; rv <= 3; rv++) log.record(write(rv));
    expect(log.entries.map((e) => e.rv)).toEqual([1, 2, 3]);
    expect(log.lines()).toEqual(['1 1970-01-01T00:00:00.000Z ADDED pods default/p1', '2 1970-01-01T00:00:00.000Z ADDED pods default/p2', '3 1970-01-01T00:00:00.000Z ADDED pods default/p3']);
  });

  it('drops the oldest writes past capacity, oldest first in entries, lines and digest', () => {
    const full = new EventLog(() => 0, 4);
    for (let rv = 1; rv <= 11; rv++) full.record(write(rv));
    expect(full.size).toBe(4);
    expect(full.entries.map((e) => e.rv)).toEqual([8, 9, 10, 11]);
    expect(full.lines(2).map((l) => l.split(' ')[0])).toEqual(['10', '11']);
    const fresh = new EventLog(() => 0, 4);
    for (let rv = 8; rv <= 11; rv++) fresh.record(write(rv));
    expect(full.digest()).toBe(fresh.digest());
  });

  it('records nothing with capacity 0', () => {
    const log = new EventLog(() => 0, 0);
    log.record(write(1));
    expect(log.entries).toEqual([]);
  });

  it('keeps order across storage chunks and ring wrap-around (capacity above one chunk)', () => {
    const log = new EventLog(() => 0, 20_000);
    for (let rv = 1; rv <= 50_000; rv++) log.record(rv % 3 ? write(rv) : { ...write(rv), type: 'DELETED' });
    const rvs = log.entries.map((e) => e.rv);
    expect(rvs.length).toBe(20_000);
    expect(rvs[0]).toBe(30_001);
    expect(rvs.every((rv, i) => rv === 30_001 + i)).toBe(true);
    expect(log.entries[2]!.type).toBe('DELETED');
    expect(log.lines(19_999)).toEqual(['50000 1970-01-01T00:00:00.000Z ADDED pods default/p50000']);
  });
});
