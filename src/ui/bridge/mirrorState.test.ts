import { describe, expect, it } from 'vitest';
import type { EventView, MirrorDelta, View } from '../../protocol/views';
import { applyDeltas, EVENT_CAP, emptyMirror } from './mirrorState';

const clock = { now: 0, start: 0, playing: true, speed: 1, lagging: false };
const ev = (uid: string, count = 1) => ({ kind: 'Event', uid, name: uid, namespace: 'default', reason: 'Started', message: uid, count }) as unknown as EventView;
const delta = (upserts: View[], removes: string[] = []): MirrorDelta => ({
  seq: 0,
  clock,
  upserts,
  removes: removes.map((uid) => ({ kind: 'Event' as const, uid })),
  activity: [],
  audit: [],
});
const feed = (m: ReturnType<typeof emptyMirror>) => m.events.map((e) => `${e.uid}×${e.count}`);

describe('the event feed in the mirror', () => {
  it('keeps Events oldest first; an updated Event moves to the end with its new count', () => {
    const m = applyDeltas(emptyMirror(), [delta([ev('a'), ev('b'), ev('c')])]);
    const n = applyDeltas(m, [delta([ev('a', 2)]), delta([ev('d')])]);
    expect(feed(n)).toEqual(['b×1', 'c×1', 'a×2', 'd×1']);
  });

  it('drops removed Events, also ones added and removed in the same frame', () => {
    const m = applyDeltas(emptyMirror(), [delta([ev('a'), ev('b')])]);
    const n = applyDeltas(m, [delta([ev('c'), ev('a', 3)], ['b']), delta([], ['c'])]);
    expect(feed(n)).toEqual(['a×3']);
  });

  it(`keeps the newest ${EVENT_CAP}`, () => {
    const many = Array.from({ length: EVENT_CAP + 50 }, (_, i) => ev(`e${i}`));
    const m = applyDeltas(emptyMirror(), [delta(many)]);
    expect(m.events).toHaveLength(EVENT_CAP);
    expect(m.events[0]!.uid).toBe('e50');
  });
});
