import { describe, expect, it } from 'vitest';
import { SyncBudget } from './syncBudget';

describe('SyncBudget (per-key pacing of status-only syncs)', () => {
  it('lets a key sync at once while it has syncs in hand (light load never waits)', () => {
    let now = 0;
    const b = new SyncBudget(() => now, 3, 100);
    expect(b.wait('a')).toBe(0);
    b.spend('a');
    b.spend('a');
    expect(b.wait('a')).toBe(0);
  });

  it('makes a key that used its burst wait until one sync has been earned back', () => {
    let now = 0;
    const b = new SyncBudget(() => now, 3, 100);
    for (let i = 0; i < 3; i++) b.spend('a');
    expect(b.wait('a')).toBe(100);
    now = 40;
    expect(b.wait('a')).toBe(60);
    now = 100;
    expect(b.wait('a')).toBe(0);
  });

  it('keeps keys apart and refills up to the burst only', () => {
    let now = 0;
    const b = new SyncBudget(() => now, 2, 100);
    b.spend('a');
    b.spend('a');
    expect(b.wait('b')).toBe(0);
    now = 10_000;
    b.spend('a');
    b.spend('a');
    expect(b.wait('a')).toBe(100);
  });

  it('forgets a deleted key', () => {
    const b = new SyncBudget(() => 0, 1, 100);
    b.spend('a');
    expect(b.wait('a')).toBe(100);
    b.forget('a');
    expect(b.wait('a')).toBe(0);
  });
});
