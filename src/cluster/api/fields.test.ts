import { describe, expect, it } from 'vitest';
import {
  escapeFieldValue,
  fieldExactMatch,
  formatFieldSelector,
  matchesFields,
  parseFieldSelector,
  unescapeFieldValue,
} from './fields';
import type { FieldRequirement } from './fields';

const eq = (field: string, value: string): FieldRequirement => ({ field, op: '=', value });
const ne = (field: string, value: string): FieldRequirement => ({ field, op: '!=', value });

// [input, requirements (terms sorted as strings), printed back]
const accepted: [string, FieldRequirement[], string][] = [
  ['', [], ''],
  ['metadata.name=web', [eq('metadata.name', 'web')], 'metadata.name=web'],
  ['metadata.name==web', [eq('metadata.name', 'web')], 'metadata.name=web'],
  ['status.phase!=Running', [ne('status.phase', 'Running')], 'status.phase!=Running'],
  ['spec.nodeName=', [eq('spec.nodeName', '')], 'spec.nodeName='],
  ['x=a,y=b', [eq('x', 'a'), eq('y', 'b')], 'x=a,y=b'],
  ['y=b,x=a', [eq('x', 'a'), eq('y', 'b')], 'x=a,y=b'],
  ['x=a,,y=b', [eq('x', 'a'), eq('y', 'b')], 'x=a,y=b'],
  ['x=a,', [eq('x', 'a')], 'x=a'],
  ['=', [], ''],
  ['=,x=a', [eq('x', 'a')], 'x=a'],
  ['=a', [eq('', 'a')], '=a'],
  ['x =a', [eq('x ', 'a')], 'x =a'],
  ['x= a', [eq('x', ' a')], 'x= a'],
  ['a!=b!', [ne('a', 'b!')], 'a!=b!'],
  ['x=a\\,b', [eq('x', 'a,b')], 'x=a\\,b'],
  ['x=a\\,', [eq('x', 'a,')], 'x=a\\,'],
  // no escaping on the left: the escaped comma stays part of the field name
  ['a\\,b=c', [eq('a\\,b', 'c')], 'a\\,b=c'],
  ['x=a\\=b', [eq('x', 'a=b')], 'x=a\\=b'],
  ['x=a\\\\b', [eq('x', 'a\\b')], 'x=a\\\\b'],
  ['x=a\\,b,y=c', [eq('x', 'a,b'), eq('y', 'c')], 'x=a\\,b,y=c'],
  ['a==b\\=', [eq('a', 'b=')], 'a=b\\='],
  ['metadata.namespace!=kube-system,spec.nodeName=node-1', [ne('metadata.namespace', 'kube-system'), eq('spec.nodeName', 'node-1')], 'metadata.namespace!=kube-system,spec.nodeName=node-1'],
];

// [input, message]
const rejected: [string, string][] = [
  ['x', "invalid selector: 'x'; can't understand 'x'"],
  ['x=a,y', "invalid selector: 'x=a,y'; can't understand 'y'"],
  ['a<b', "invalid selector: 'a<b'; can't understand 'a<b'"],
  ['x=a=b', 'invalid field selector: unescaped character in value: 61'],
  ['a!==b', 'invalid field selector: unescaped character in value: 61'],
  ['x=a\\b', 'invalid field selector: invalid escape sequence: \\b'],
  ['x=a\\', 'invalid field selector: invalid escape sequence: \\'],
];

describe('parseFieldSelector', () => {
  for (const [input, reqs, printed] of accepted) {
    it(`${JSON.stringify(input)} parses to ${JSON.stringify(printed)}`, () => {
      const parsed = parseFieldSelector(input);
      expect(parsed).toEqual(reqs);
      expect(formatFieldSelector(parsed)).toBe(printed);
    });
  }
  for (const [input, message] of rejected) {
    it(`${JSON.stringify(input)} is rejected: ${message}`, () => expect(() => parseFieldSelector(input)).toThrow(new Error(message)));
  }
});

describe('matchesFields', () => {
  const pod: Record<string, string> = { 'metadata.name': 'web', 'status.phase': 'Running', 'spec.nodeName': '' };
  const get = (p: string) => pod[p];
  const cases: [string, boolean][] = [
    ['', true],
    ['metadata.name=web', true],
    ['metadata.name=db', false],
    ['metadata.name!=db', true],
    ['status.phase!=Running', false],
    ['spec.nodeName=', true],
    ['spec.nodeName!=', false],
    ['spec.schedulerName=', true],
    ['spec.schedulerName!=x', true],
    ['metadata.name=web,status.phase=Running', true],
    ['metadata.name=web,status.phase=Pending', false],
  ];
  for (const [sel, want] of cases) {
    it(`"${sel}" ${want ? 'matches' : 'does not match'} the pod`, () => expect(matchesFields(parseFieldSelector(sel), get)).toBe(want));
  }
});

describe('escaping', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['a,b', 'a\\,b'],
    ['a=b', 'a\\=b'],
    ['a\\b', 'a\\\\b'],
    ['\\,=', '\\\\\\,\\='],
    ['', ''],
  ];
  for (const [raw, escaped] of cases) {
    it(`${JSON.stringify(raw)} escapes to ${JSON.stringify(escaped)} and back`, () => {
      expect(escapeFieldValue(raw)).toBe(escaped);
      expect(unescapeFieldValue(escaped)).toBe(raw);
    });
  }
  it('fieldExactMatch finds the value an "=" term pins', () => {
    const reqs = parseFieldSelector('status.phase!=Failed,spec.nodeName=n1');
    expect(fieldExactMatch(reqs, 'spec.nodeName')).toBe('n1');
    expect(fieldExactMatch(reqs, 'status.phase')).toBeUndefined();
  });
});
