import { describe, expect, it } from 'vitest';
import { goDuration, humanDuration, parseDuration, shortHumanDuration, translateTimestampSince } from './duration';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

describe('humanDuration (kubectl AGE)', () => {
  const cases: [number, string][] = [
    [-3 * s, '<invalid>'],
    [-2 * s, '<invalid>'],
    [-1.5 * s, '0s'],
    [-1 * s, '0s'],
    [-0.5 * s, '0s'],
    [0, '0s'],
    [999, '0s'],
    [1 * s, '1s'],
    [59 * s, '59s'],
    [119 * s, '119s'],
    [119.9 * s, '119s'],
    [120 * s, '2m'],
    [121 * s, '2m1s'],
    [3 * m + 2 * s, '3m2s'],
    [3 * m, '3m'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [10 * m + 30 * s, '10m'],
    [179 * m + 59 * s, '179m'],
    [3 * h, '3h'],
    [3 * h + 4 * m, '3h4m'],
    [3 * h + 4 * m + 59 * s, '3h4m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [8 * h + 30 * m, '8h'],
    [47 * h + 59 * m, '47h'],
    [48 * h, '2d'],
    [49 * h, '2d1h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [8 * d + 5 * h, '8d'],
    [729 * d, '729d'],
    [2 * y, '2y'],
    [2 * y + 3 * d, '2y3d'],
    [8 * y - d, '7y364d'],
    [8 * y, '8y'],
    [10 * y + 100 * d, '10y'],
  ];
  for (const [ms, want] of cases) it(`${ms} ms is "${want}"`, () => expect(humanDuration(ms)).toBe(want));
});

describe('shortHumanDuration', () => {
  const cases: [number, string][] = [
    [-2 * s, '<invalid>'],
    [-1 * s, '0s'],
    [0, '0s'],
    [59 * s, '59s'],
    [60 * s, '1m'],
    [119 * s, '1m'],
    [59 * m + 59 * s, '59m'],
    [60 * m, '1h'],
    [23 * h + 59 * m, '23h'],
    [24 * h, '1d'],
    [364 * d, '364d'],
    [365 * d, '1y'],
    [800 * d, '2y'],
  ];
  for (const [ms, want] of cases) it(`${ms} ms is "${want}"`, () => expect(shortHumanDuration(ms)).toBe(want));
});

describe('translateTimestampSince', () => {
  const t0 = '2025-01-01T00:00:00Z';
  const base = Date.parse(t0);
  const cases: [string | undefined | null, number, string][] = [
    [undefined, base, '<unknown>'],
    [null, base, '<unknown>'],
    ['', base, '<unknown>'],
    ['not a time', base, '<unknown>'],
    [t0, base, '0s'],
    [t0, base + 65 * s, '65s'],
    [t0, base + 3 * h + 4 * m, '3h4m'],
    [t0, base + 5 * d, '5d'],
    [t0, base - 5 * s, '<invalid>'],
    ['2025-01-01T00:00:00+01:00', base, '60m'],
  ];
  for (const [ts, now, want] of cases)
    it(`${JSON.stringify(ts)} seen at +${now - base} ms is "${want}"`, () => expect(translateTimestampSince(ts, now)).toBe(want));
});

describe('goDuration (time.Duration.String)', () => {
  const cases: [number, string][] = [
    [0, '0s'],
    [0.000001, '1ns'],
    [0.000999, '999ns'],
    [0.001, '1µs'],
    [0.0015, '1.5µs'],
    [1, '1ms'],
    [1.5, '1.5ms'],
    [300, '300ms'],
    [999.999999, '999.999999ms'],
    [1000, '1s'],
    [1500, '1.5s'],
    [10 * s, '10s'],
    [90 * s, '1m30s'],
    [5 * m, '5m0s'],
    [h, '1h0m0s'],
    [h + 2 * m + 3 * s, '1h2m3s'],
    [h + 2 * m + 3.5 * s, '1h2m3.5s'],
    [100 * d, '2400h0m0s'],
    [-1500, '-1.5s'],
    [-300, '-300ms'],
  ];
  for (const [ms, want] of cases) it(`${ms} ms is "${want}"`, () => expect(goDuration(ms)).toBe(want));
});

describe('parseDuration (Go time.ParseDuration, for flags)', () => {
  it.each([
    ['1h', 3_600_000],
    ['30m', 1_800_000],
    ['1h30m0s', 5_400_000],
    ['90s', 90_000],
    ['1.5h', 5_400_000],
    ['250ms', 250],
    ['0', 0],
    ['', undefined],
    ['1 hour', undefined],
    ['5', undefined],
    ['1h-2m', undefined],
  ])('%s → %s ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
});
