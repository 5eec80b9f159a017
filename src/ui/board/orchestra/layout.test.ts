import { describe, expect, it } from 'vitest';
import { orchestraLayout, seatsInSector } from './layout';

const base = { width: 1280, height: 640, podiumPods: 2, pending: 0, services: 1, scale: 1 };

describe('orchestra layout', () => {
  it('gives every pod a seat inside its own section', () => {
    const l = orchestraLayout({ ...base, sections: [{ key: 'a', pods: 10 }, { key: 'b', pods: 90 }, { key: 'c', pods: 0 }] });
    const b = l.sections.get('b')!;
    expect(b.seats).toHaveLength(90);
    for (const s of b.seats) {
      const r = Math.hypot(s.x - l.cx, s.y - l.cy);
      const a = Math.atan2(s.x - l.cx, l.cy - s.y);
      expect(r).toBeGreaterThanOrEqual(b.r0);
      expect(r).toBeLessThanOrEqual(b.r1);
      expect(a).toBeGreaterThanOrEqual(b.a0 - 1e-9);
      expect(a).toBeLessThanOrEqual(b.a1 + 1e-9);
    }
  });

  it('keeps other sections still when one node gains a pod', () => {
    const one = orchestraLayout({ ...base, sections: [{ key: 'a', pods: 3 }, { key: 'b', pods: 3 }] });
    const two = orchestraLayout({ ...base, sections: [{ key: 'a', pods: 4 }, { key: 'b', pods: 3 }] });
    expect(two.sections.get('b')!.seats).toEqual(one.sections.get('b')!.seats);
  });

  it('shrinks musicians so 300 pods still fit, without overlapping', () => {
    const l = orchestraLayout({ ...base, sections: [{ key: 'a', pods: 100 }, { key: 'b', pods: 100 }, { key: 'c', pods: 100 }] });
    const seats = l.sections.get('a')!.seats;
    expect(seats).toHaveLength(100);
    let min = Infinity;
    for (let i = 0; i < seats.length; i++) for (let j = i + 1; j < seats.length; j++) min = Math.min(min, Math.hypot(seats[i].x - seats[j].x, seats[i].y - seats[j].y));
    expect(min).toBeGreaterThanOrEqual(l.podR * 2);
  });

  it('seats pending pods in the wings, left of the podium', () => {
    const l = orchestraLayout({ ...base, pending: 12, sections: [{ key: 'a', pods: 1 }] });
    expect(l.wings.seats).toHaveLength(12);
    for (const s of l.wings.seats) expect(s.x).toBeLessThan(l.cx - l.podium.r);
  });

  it('reports a sector that cannot hold its pods', () => {
    expect(seatsInSector(1000, 0, 0.2, 100, 120, 20)).toBeUndefined();
  });
});
