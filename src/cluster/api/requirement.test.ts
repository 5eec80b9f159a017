import { describe, expect, it } from 'vitest';
import { aggregateMessage, formatRequirement, newRequirement, parseInt64 } from './requirement';
import type { Operator } from './requirement';

describe('newRequirement', () => {
  const valid: [string, Operator, string[], string][] = [
    ['a', 'Equals', ['b'], 'a=b'],
    ['a', 'Equals', [''], 'a='],
    ['a', 'NotEquals', ['b'], 'a!=b'],
    ['a', 'In', ['c', 'b'], 'a in (b,c)'],
    ['a', 'NotIn', ['b'], 'a notin (b)'],
    ['a', 'Exists', [], 'a'],
    ['a', 'DoesNotExist', [], '!a'],
    ['a', 'GreaterThan', ['10'], 'a>10'],
    ['a', 'LessThan', ['0'], 'a<0'],
    ['example.com/a', 'Exists', [], 'example.com/a'],
  ];
  for (const [key, op, values, printed] of valid) {
    it(`${key} ${op} ${JSON.stringify(values)} is valid and prints "${printed}"`, () =>
      expect(formatRequirement(newRequirement(key, op, values))).toBe(printed));
  }

  const invalid: [string, Operator, string[], string][] = [
    ['a', 'Equals', ['b', 'c'], 'values: Invalid value: []string{"b", "c"}: exact-match compatibility requires one single value'],
    ['a', 'NotEquals', [], 'values: Invalid value: []string{}: exact-match compatibility requires one single value'],
    ['a', 'In', [], "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"],
    ['a', 'Exists', ['x'], 'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist'],
    ['a', 'GreaterThan', ['1', '2'], `values: Invalid value: []string{"1", "2"}: for 'Gt', 'Lt' operators, exactly one value is required`],
    ['a', 'LessThan', ['x'], `values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`],
    [
      'a',
      'GreaterThan',
      ['x', 'y'],
      `[values: Invalid value: []string{"x", "y"}: for 'Gt', 'Lt' operators, exactly one value is required, values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer, values[1]: Invalid value: "y": for 'Gt', 'Lt' operators, the value must be an integer]`,
    ],
    ['', 'Exists', [], `key: Invalid value: "": name part must be non-empty; name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`],
  ];
  for (const [key, op, values, message] of invalid) {
    it(`${JSON.stringify(key)} ${op} ${JSON.stringify(values)} fails: ${message.slice(0, 60)}`, () =>
      expect(() => newRequirement(key, op, values)).toThrow(new Error(message)));
  }
});

describe('aggregateMessage (utilerrors aggregate)', () => {
  const cases: [string[], string][] = [
    [['one'], 'one'],
    [['a', 'b'], '[a, b]'],
    [['a', 'a'], 'a'],
    [['a', 'b', 'a'], '[a, b]'],
  ];
  for (const [msgs, want] of cases) it(`${JSON.stringify(msgs)} renders ${want}`, () => expect(aggregateMessage(msgs)).toBe(want));
});

describe('parseInt64 (strconv.ParseInt base 10)', () => {
  const cases: [string, bigint | null][] = [
    ['0', 0n],
    ['42', 42n],
    ['-7', -7n],
    ['+7', 7n],
    ['007', 7n],
    ['9223372036854775807', 9223372036854775807n],
    ['9223372036854775808', null],
    ['-9223372036854775808', -9223372036854775808n],
    ['1.5', null],
    ['', null],
    ['1_000', null],
    [' 1', null],
    ['0x10', null],
  ];
  for (const [s, want] of cases) it(`"${s}" is ${want}`, () => expect(parseInt64(s)).toBe(want));
});
