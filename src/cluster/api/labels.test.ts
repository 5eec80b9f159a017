import { describe, expect, it } from 'vitest';
import {
  equalityTerms,
  formatLabels,
  formatLabelSelector,
  formatSelector,
  matches,
  parseSelector,
  selectorFromLabelSelector,
  selectorFromSet,
} from './labels';
import type { LabelSelectorLike } from './labels';

type L = Record<string, string>;

// [selector string, labels, matches?]
const matchCases: [string, L | undefined, boolean][] = [
  ['', { x: 'y' }, true],
  ['', {}, true],
  ['', undefined, true],
  ['x=y', { x: 'y' }, true],
  ['x=y', { x: 'z' }, false],
  ['x=y', {}, false],
  ['x==y', { x: 'y' }, true],
  ['x=y,z=w', { x: 'y', z: 'w' }, true],
  ['x=y,z=w', { x: 'y', z: 'a' }, false],
  ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
  ['x!=y', {}, true],
  ['x!=y', { x: 'y' }, false],
  ['notin=in', { notin: 'in' }, true],
  ['x', { x: 'z' }, true],
  ['x', { x: '' }, true],
  ['x', { y: 'z' }, false],
  ['!x', { x: 'z' }, false],
  ['!x', { y: 'z' }, true],
  ['x=', { x: '' }, true],
  ['x=', {}, false],
  ['env in (a,b)', { env: 'a' }, true],
  ['env in (a,b)', { env: 'b' }, true],
  ['env in (a,b)', { env: 'c' }, false],
  ['env in (a,b)', {}, false],
  ['env notin (a,b)', { env: 'c' }, true],
  ['env notin (a,b)', { env: 'a' }, false],
  ['env notin (a,b)', {}, true],
  ['env in (,a)', { env: '' }, true],
  ['x>1', { x: '2' }, true],
  ['x>1', { x: '1' }, false],
  ['x>1', { x: '0' }, false],
  ['x>1', { x: 'abc' }, false],
  ['x>1', {}, false],
  ['x<1', { x: '0' }, true],
  ['x<1', { x: '-5' }, true],
  ['x<1', { x: '1' }, false],
  ['x>1,x<5', { x: '3' }, true],
  ['x>1,x<5', { x: '7' }, false],
  ['x>1', { x: '99999999999999999999' }, false],
  ['app=web,tier in (fe,be),!canary', { app: 'web', tier: 'fe' }, true],
  ['app=web,tier in (fe,be),!canary', { app: 'web', tier: 'fe', canary: 'true' }, false],
];

describe('matches', () => {
  for (const [sel, labels, want] of matchCases) {
    it(`"${sel}" ${want ? 'matches' : 'does not match'} ${JSON.stringify(labels)}`, () =>
      expect(matches(parseSelector(sel), labels)).toBe(want));
  }
  it('a nil selector (null) matches nothing, not even empty labels', () => {
    expect(matches(null, {})).toBe(false);
    expect(matches(null, { a: 'b' })).toBe(false);
  });
  it('inherited object properties are not labels', () => expect(matches(parseSelector('toString'), {})).toBe(false));
});

// [LabelSelector, formatted as metav1.FormatLabelSelector prints it]
const formatCases: [LabelSelectorLike | null | undefined, string][] = [
  [null, '<none>'],
  [undefined, '<none>'],
  [{}, '<none>'],
  [{ matchLabels: {}, matchExpressions: [] }, '<none>'],
  [{ matchLabels: { app: 'web' } }, 'app=web'],
  [{ matchLabels: { tier: 'fe', app: 'web' } }, 'app=web,tier=fe'],
  [{ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] }, 'app=web,tier in (a,b)'],
  [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['x'] }] }, 'tier notin (x)'],
  [{ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, 'tier'],
  [{ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist', values: [] }] }, '!tier'],
  [{ matchExpressions: [{ key: 'b', operator: 'Exists' }, { key: 'a', operator: 'Exists' }] }, 'a,b'],
  [{ matchLabels: { a: 'x' }, matchExpressions: [{ key: 'a', operator: 'Exists' }] }, 'a=x,a'],
  [{ matchExpressions: [{ key: 'a', operator: 'In', values: ['x', 'x'] }] }, 'a in (x,x)'],
  [{ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, '<error>'],
  [{ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }, '<error>'],
  [{ matchLabels: { app: 'bad value' } }, '<error>'],
];

describe('formatLabelSelector', () => {
  for (const [ls, want] of formatCases) {
    it(`${JSON.stringify(ls)} prints "${want}"`, () => expect(formatLabelSelector(ls)).toBe(want));
  }
});

describe('selectorFromLabelSelector', () => {
  it('nil selects nothing (null)', () => expect(selectorFromLabelSelector(null)).toBeNull());
  it('{} selects everything ([])', () => expect(selectorFromLabelSelector({})).toEqual([]));
  it('matchLabels become Equals requirements sorted by key', () =>
    expect(selectorFromLabelSelector({ matchLabels: { b: '2', a: '1' } })).toEqual([
      { key: 'a', op: 'Equals', values: ['1'] },
      { key: 'b', op: 'Equals', values: ['2'] },
    ]));
  it('matchExpressions keep their value order', () =>
    expect(selectorFromLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: ['y', 'x'] }] })).toEqual([
      { key: 'a', op: 'In', values: ['y', 'x'] },
    ]));
  it('matches like the parsed string form', () => {
    const sel = selectorFromLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] });
    expect(matches(sel, { app: 'web', tier: 'fe' })).toBe(true);
    expect(matches(sel, { app: 'web', tier: 'db' })).toBe(false);
    expect(matches(sel, { app: 'web' })).toBe(true);
  });

  const errors: [LabelSelectorLike, string][] = [
    [{ matchExpressions: [{ key: 'a', operator: 'Foo' }] }, '"Foo" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: 'a', operator: 'in', values: ['x'] }] }, '"in" is not a valid label selector operator'],
    [
      { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] },
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    ],
    [{ matchExpressions: [{ key: 'a', operator: 'NotIn' }] }, "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"],
    [
      { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x', 'y'] }] },
      'values: Invalid value: []string{"x", "y"}: values set must be empty for exists and does not exist',
    ],
    [
      { matchLabels: { app: '-x' } },
      `values[0][app]: Invalid value: "-x": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ],
    [
      { matchLabels: { '-a': 'b' } },
      `key: Invalid value: "-a": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ],
    [
      { matchExpressions: [{ key: 'a/', operator: 'In', values: ['b_'] }] },
      `[key: Invalid value: "a/": name part must be non-empty; name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'), values[0][a/]: Invalid value: "b_": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]`,
    ],
  ];
  for (const [ls, message] of errors) {
    it(`${JSON.stringify(ls)} is rejected: ${message.slice(0, 60)}`, () =>
      expect(() => selectorFromLabelSelector(ls)).toThrow(new Error(message)));
  }
});

describe('formatSelector', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['b=1,a=2', 'a=2,b=1'],
    ['a in (z,y)', 'a in (y,z)'],
    ['!a,b', '!a,b'],
  ];
  for (const [input, want] of cases) it(`"${input}" prints "${want}"`, () => expect(formatSelector(parseSelector(input))).toBe(want));
  it('the nothing selector prints ""', () => expect(formatSelector(null)).toBe(''));
  it('a one-value In is printed without sorting work', () =>
    expect(formatSelector([{ key: 'a', op: 'In', values: ['x'] }])).toBe('a in (x)'));
});

describe('selectorFromSet and formatLabels', () => {
  const sets: [L | undefined, string, string][] = [
    [undefined, '', '<none>'],
    [{}, '', '<none>'],
    [{ app: 'web' }, 'app=web', 'app=web'],
    [{ tier: 'fe', app: 'web' }, 'app=web,tier=fe', 'app=web,tier=fe'],
    // FormatLabels sorts the joined "k=v" strings, so "a-b" sorts before "a" ('-' < '=')
    [{ a: '1', 'a-b': '2' }, 'a=1,a-b=2', 'a-b=2,a=1'],
  ];
  for (const [set, selector, labels] of sets) {
    it(`${JSON.stringify(set)} selects "${selector}" and prints as "${labels}"`, () => {
      expect(formatSelector(selectorFromSet(set))).toBe(selector);
      expect(formatLabels(set)).toBe(labels);
    });
  }
  it('an empty set selects everything', () => expect(matches(selectorFromSet({}), { any: 'thing' })).toBe(true));
});

describe('equalityTerms', () => {
  const cases: [string, [string, string][]][] = [
    ['', []],
    ['app=web', [['app', 'web']]],
    ['app==web', [['app', 'web']]],
    ['app in (web)', [['app', 'web']]],
    ['app in (web,db)', []],
    ['app!=web', []],
    ['app', []],
    ['!app', []],
    ['x>1', []],
    ['tier=fe,app=web,env notin (prod)', [['app', 'web'], ['tier', 'fe']]],
  ];
  for (const [sel, want] of cases) it(`"${sel}" pins ${JSON.stringify(want)}`, () => expect(equalityTerms(parseSelector(sel))).toEqual(want));
  it('the nothing selector pins nothing', () => expect(equalityTerms(null)).toEqual([]));
});
