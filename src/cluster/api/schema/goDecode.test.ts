import { describe, expect, it } from 'vitest';
import { base64Error, quantityError, timeError } from './goDecode';

const FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

describe('quantityError mirrors resource.Quantity.UnmarshalJSON', () => {
  const ok: unknown[] = ['100m', '1.5Gi', '2', '0', '1e3', '1E-2', '+5k', '-1', '.5', 3, 0.25, null, ' 1Mi '];
  it.each(ok)('accepts %j', (v) => expect(quantityError(v)).toBeUndefined());
  const bad: [unknown, string][] = [
    ['abc', FORMAT],
    ['', FORMAT],
    ['1 Gi', FORMAT],
    ['1Gib', FORMAT],
    ['5Mx', FORMAT],
    ['1ki', "unable to parse quantity's suffix"],
    [true, FORMAT],
    [{ a: 1 }, FORMAT],
  ];
  it.each(bad)('rejects %j', (v, msg) => expect(quantityError(v)).toBe(msg));
});

describe('timeError mirrors time.Parse(time.RFC3339) as metav1.Time uses it', () => {
  const layout = '"2006-01-02T15:04:05Z07:00"';
  const cases: [string, string | undefined][] = [
    ['2024-05-01T10:00:00Z', undefined],
    ['2024-05-01T10:00:00.123456789+02:00', undefined],
    ['2024-02-29T00:00:00Z', undefined],
    ['abc', `parsing time "abc" as ${layout}: cannot parse "abc" as "2006"`],
    ['2024-05-01', `parsing time "2024-05-01" as ${layout}: cannot parse "" as "T"`],
    ['2024/05/01T10:00:00Z', `parsing time "2024/05/01T10:00:00Z" as ${layout}: cannot parse "/05/01T10:00:00Z" as "-"`],
    ['2024-13-01T00:00:00Z', 'parsing time "2024-13-01T00:00:00Z": month out of range'],
    ['2023-02-29T00:00:00Z', 'parsing time "2023-02-29T00:00:00Z": day out of range'],
    ['2024-05-01T25:00:00Z', 'parsing time "2024-05-01T25:00:00Z": hour out of range'],
    ['2024-05-01T10:00:00', `parsing time "2024-05-01T10:00:00" as ${layout}: cannot parse "" as "Z07:00"`],
    ['2024-05-01T10:00:00Zjunk', 'parsing time "2024-05-01T10:00:00Zjunk": extra text: "junk"'],
  ];
  it.each(cases)('%s', (s, msg) => expect(timeError(s)).toBe(msg));
  it('MicroTime requires six fractional digits', () => {
    expect(timeError('2024-05-01T10:00:00.000001Z', true)).toBeUndefined();
    expect(timeError('2024-05-01T10:00:00Z', true)).toBe(
      'parsing time "2024-05-01T10:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"',
    );
  });
});

describe('base64Error mirrors base64.StdEncoding.Decode', () => {
  const cases: [string, string | undefined][] = [
    ['aGVsbG8=', undefined],
    ['aGVsbA==', undefined],
    ['', undefined],
    ['aGVs\nbG8=', undefined],
    ['abc', 'illegal base64 data at input byte 0'],
    ['a', 'illegal base64 data at input byte 0'],
    ['ab!d', 'illegal base64 data at input byte 2'],
    ['aGVsbA=', 'illegal base64 data at input byte 7'],
    ['aGVsbG8=x', 'illegal base64 data at input byte 8'],
    ['a===', 'illegal base64 data at input byte 1'],
  ];
  it.each(cases)('%j', (s, msg) => expect(base64Error(s)).toBe(msg));
});
