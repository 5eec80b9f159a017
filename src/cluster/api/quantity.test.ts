import { describe, expect, it } from 'vitest';
import {
  addQuantities,
  compareQuantity,
  formatQuantity,
  isValidQuantity,
  isZeroQuantity,
  newMilliQuantity,
  newQuantity,
  parseQuantity,
  subtractQuantities,
  toMilli,
  toNumber,
  toValue,
} from './quantity';

const q = parseQuantity;
const fmt = (s: string | number) => formatQuantity(parseQuantity(s));

// [input, what the object says after a round trip]. Observed with real kubectl 1.32:
// `kubectl set resources --local -f pod.yaml --limits=cpu=<input> -o jsonpath=...`.
const roundTrips: [string, string][] = [
  ["0", "0"],
  ["1", "1"],
  ["+1", "+1"],
  ["-1", "-1"],
  ["1000", "1k"],
  ["1000m", "1"],
  ["0.5", "500m"],
  [".5", "500m"],
  ["1.", "1."],
  ["1.G", "1.G"],
  ["0.1", "100m"],
  ["100m", "100m"],
  ["0100m", "0100m"],
  ["1.050", "1.050"],
  ["1.0", "1"],
  ["1.5", "1500m"],
  ["1.5Gi", "1536Mi"],
  ["1024Mi", "1Gi"],
  ["1023Mi", "1023Mi"],
  ["1Gi", "1Gi"],
  ["+1Gi", "+1Gi"],
  ["8Gi", "8Gi"],
  ["2048Ki", "2Mi"],
  ["1025Ki", "1025Ki"],
  ["0.5Gi", "512Mi"],
  ["1.1Ki", "1126400m"],
  ["0.0001Ki", "102400u"],
  ["8Ei", "9223372036854775807"],
  ["9Ei", "9223372036854775807"],
  ["1e3", "1e3"],
  ["10e3", "10e3"],
  ["1E3", "1E3"],
  ["1e-3", "1e-3"],
  ["1.2e3", "1200"],
  ["1e21", "1e21"],
  ["1000E", "1"],
  ["100E", "100E"],
  ["12E", "12E"],
  ["1E", "1E"],
  ["1n", "1n"],
  ["0.1n", "1n"],
  ["3.001n", "4n"],
  ["1.1E-9", "2e-9"],
  ["m", "0"],
  ["Ki", "0"],
  ["Ti", "0"],
  [".", "0"],
  ["-", "0"],
  ["+", "0"],
  ["1e+3", "1e+3"],
  ["1e99", "1e99"],
  ["1e-20", "1e-9"],
  ["0e-20", "0"],
  ["-0", "0"],
  ["00", "0"],
  ["0Ki", "0"],
  ["1000Ki", "1000Ki"],
  ["1024", "1024"],
  ["1025", "1025"],
  ["0.000000000001Ki", "2n"],
  ["999999999999999999", "999999999999999999"],
  ["9999999999999999999", "9999999999999999999"],
  ["1234567890123456789012", "1234567890123456789012"],
  ["123456789012345678901Ki", "9223372036854775807"],
  ["1.000", "1"],
  ["1.0001", "1000100u"],
  ["7Mi", "7Mi"],
  ["6Gi", "6Gi"],
  ["100.035Ki", "102435840m"],
  ["1.01E", "1010P"],
  ["5.444T", "5.444T"],
  ["300.2T", "300200G"],
  ["-100m", "-100m"],
  ["-1.5Gi", "-1536Mi"],
  ["1e1000", "10e999"],
  ["1e-1000", "1e-9"],
  ["1E+6", "1E+6"],
  ["1.3E+6", "1300e3"],
  ["0.5e-9", "1e-9"],
  ["0.00000012345", "124n"],
  ["-0.5Gi", "-512Mi"],
  ["1.5k", "1500"],
  ["1500", "1500"],
  ["1500000", "1500k"],
  ["0.001", "1m"],
  ["0.0005", "500u"],
  ["-1e3", "-1e3"],
  ["+1e3", "+1e3"],
  ["1e0", "1e0"],
  ["5e-1", "500e-3"],
  ["1.5e-1", "150e-3"],
  ["2e-9", "2e-9"],
  ["1.5e-9", "2e-9"],
  ["1e-10", "1e-9"],
  ["1e18", "1e18"],
  ["1e19", "10e18"],
  ["2.5P", "2500T"],
  ["0.25Ti", "256Gi"],
  ["1536Ki", "1536Ki"],
  ["3072Mi", "3Gi"],
  ["1048576", "1048576"],
  ["1073741824", "1073741824"],
  ["1Ei", "1Ei"],
  ["7Ei", "7Ei"],
  ["0.5Ei", "512Pi"],
  ["1.0Ki", "1Ki"],
  ["1.5Mi", "1536Ki"],
  ["00100m", "00100m"],
  ["0.100", "100m"],
  ["100.0m", "100m"],
  ["100.00m", "100m"],
  ["1000.000m", "1"],
  ["0e5", "0"],
  ["1e0005", "100e3"],
  ["01e3", "01e3"],
  ["123m", "123m"],
  ["1234m", "1234m"],
  ["12345m", "12345m"],
  ["1000000m", "1k"],
  ["10000u", "10m"],
  ["1u", "1u"],
  ["1500u", "1500u"],
  ["1500n", "1500n"],
  ["250m", "250m"],
  ["2", "2"],
  ["5G", "5G"],
  ["5000M", "5G"],
  ["64Mi", "64Mi"],
  ["65536Ki", "64Mi"],
  ["128974848", "128974848"],
  ["129e6", "129e6"],
  ["129M", "129M"],
  ["123Mi", "123Mi"],
  ["0.5M", "500k"],
  ["1.5E", "1500P"],
  ["-1Ki", "-1Ki"],
  ["-1023", "-1023"],
  ["-1024Ki", "-1Mi"],
];

// [input, error message], observed the same way.
const rejected: [string, string][] = [
  ["Pi", "unable to parse numeric part of quantity"],
  ["Ei", "unable to parse numeric part of quantity"],
  ["1e", "unable to parse quantity's suffix"],
  ["1x", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ["1Ki2", "unable to parse quantity's suffix"],
  ["1.5.5", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ["abc", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ["", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  [" 1", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ["1mi", "unable to parse quantity's suffix"],
  ["0.1am", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  [".5i", "unable to parse quantity's suffix"],
  ["-3.01e-", "unable to parse quantity's suffix"],
  ["e-20", "unable to parse numeric part of quantity"],
  [".e-20", "unable to parse numeric part of quantity"],
];

describe('parseQuantity + formatQuantity (as kubectl 1.32 prints them)', () => {
  for (const [input, printed] of roundTrips) {
    it(`"${input}" is stored as "${printed}"`, () => expect(fmt(input)).toBe(printed));
  }
});

describe('invalid quantities', () => {
  for (const [input, message] of rejected) {
    it(`"${input}" is rejected with "${message}"`, () => {
      expect(() => q(input)).toThrow(message);
      expect(isValidQuantity(input)).toBe(false);
    });
  }
  it('trailing whitespace is rejected too', () => expect(isValidQuantity('1 ')).toBe(false));
  it('absurd exponents are refused instead of hanging', () =>
    expect(() => q('1e2147483648')).toThrow('unable to parse numeric part of quantity'));
});

describe('numbers (JSON numbers in manifests)', () => {
  const cases: [number, string][] = [
    [1, '1'],
    [0.5, '500m'],
    [1000, '1k'],
    [2.5, '2500m'],
    [0, '0'],
    [-3, '-3'],
    [1e21, '1e+21'],
  ];
  for (const [n, printed] of cases) it(`${n} is stored as "${printed}"`, () => expect(fmt(n)).toBe(printed));
});

describe('formats', () => {
  const cases: [string, string][] = [
    ['1Gi', 'BinarySI'],
    ['0.5Ki', 'BinarySI'],
    ['0.0001Ki', 'DecimalSI'],
    ['100m', 'DecimalSI'],
    ['1', 'DecimalSI'],
    ['1e3', 'DecimalExponent'],
    ['1E-3', 'DecimalExponent'],
  ];
  for (const [input, format] of cases) it(`"${input}" is ${format}`, () => expect(q(input).format).toBe(format));
});

describe('toMilli / toValue / toNumber', () => {
  const cases: [string, number, number, number][] = [
    ['100m', 100, 1, 0.1],
    ['1', 1000, 1, 1],
    ['1.5', 1500, 2, 1.5],
    ['250m', 250, 1, 0.25],
    ['1n', 1, 1, 1e-9],
    ['1500u', 2, 1, 0.0015],
    ['0', 0, 0, 0],
    ['1Gi', 1073741824000, 1073741824, 1073741824],
    ['64Mi', 67108864000, 67108864, 67108864],
    ['1k', 1000000, 1000, 1000],
    ['-100m', -100, -1, -0.1],
    ['-1.5', -1500, -2, -1.5],
  ];
  for (const [input, milli, value, num] of cases) {
    it(`"${input}" is ${milli} milli, value ${value}, about ${num}`, () => {
      expect(toMilli(q(input))).toBe(milli);
      expect(toValue(q(input))).toBe(value);
      expect(toNumber(q(input))).toBeCloseTo(num, 12);
    });
  }
});

describe('compareQuantity', () => {
  const cases: [string, string, number][] = [
    ['100m', '50m', 1],
    ['50m', '100m', -1],
    ['1', '1000m', 0],
    ['1Gi', '1024Mi', 0],
    ['1G', '1Gi', -1],
    ['10000T', '100Gi', 1],
    ['-1', '0', -1],
    ['1e3', '1k', 0],
  ];
  for (const [a, b, want] of cases) it(`"${a}" vs "${b}" is ${want}`, () => expect(compareQuantity(q(a), q(b))).toBe(want));
});

describe('addQuantities / subtractQuantities', () => {
  const adds: [string[], string][] = [
    [['100m', '200m'], '300m'],
    [['1', '500m'], '1500m'],
    [['1Gi', '512Mi'], '1536Mi'],
    [['100m', '0'], '100m'],
    [['0', '100m'], '100m'],
    [['0', '1Gi'], '1Gi'],
    [['1Gi', '0'], '1Gi'],
    [['1Gi', '1G'], '2073741824'],
    [['1G', '1Gi'], '2073741824'],
    [['500m', '500m'], '1'],
    [[], '0'],
  ];
  for (const [xs, want] of adds)
    it(`${xs.join(' + ') || 'nothing'} = ${want}`, () => expect(formatQuantity(addQuantities(...xs.map((x) => q(x))))).toBe(want));
  const subs: [string, string, string][] = [
    ['1', '100m', '900m'],
    ['1Gi', '512Mi', '512Mi'],
    ['0', '1Gi', '-1Gi'],
    ['100m', '0', '100m'],
    ['100m', '100m', '0'],
  ];
  for (const [a, b, want] of subs)
    it(`${a} - ${b} = ${want}`, () => expect(formatQuantity(subtractQuantities(q(a), q(b)))).toBe(want));
  it('the sum forgets the input spelling', () => expect(formatQuantity(addQuantities(q('+1'), q('0')))).toBe('1'));
});

describe('constructors', () => {
  const cases: [string, () => ReturnType<typeof q>, string][] = [
    ['newQuantity(3, DecimalSI)', () => newQuantity(3, 'DecimalSI'), '3'],
    ['newQuantity(1073741824, BinarySI)', () => newQuantity(1073741824, 'BinarySI'), '1Gi'],
    ['newQuantity(5, BinarySI)', () => newQuantity(5, 'BinarySI'), '5'],
    ['newQuantity(2000, DecimalSI)', () => newQuantity(2000n, 'DecimalSI'), '2k'],
    ['newMilliQuantity(1500, DecimalSI)', () => newMilliQuantity(1500, 'DecimalSI'), '1500m'],
    ['newMilliQuantity(500, BinarySI)', () => newMilliQuantity(500, 'BinarySI'), '500m'],
    ['newMilliQuantity(0, DecimalSI)', () => newMilliQuantity(0, 'DecimalSI'), '0'],
  ];
  for (const [name, make, want] of cases) it(`${name} prints "${want}"`, () => expect(formatQuantity(make())).toBe(want));
  it('isZeroQuantity is true only for zero', () => {
    expect(isZeroQuantity(q('0Ki'))).toBe(true);
    expect(isZeroQuantity(q('1n'))).toBe(false);
  });
});
