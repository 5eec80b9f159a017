import { describe, expect, it } from 'vitest';
import { goJsonKind, goPercentS, goSprint, goTypeName } from './goFormat';

describe('Go formatting of decoded JSON values', () => {
  it.each([
    { v: 'x', sprint: 'x', type: 'string', s: 'x', kind: 'string' },
    { v: 5, sprint: '5', type: 'int64', s: '%!s(int64=5)', kind: 'number' },
    { v: 1.5, sprint: '1.5', type: 'float64', s: '%!s(float64=1.5)', kind: 'number' },
    { v: true, sprint: 'true', type: 'bool', s: '%!s(bool=true)', kind: 'bool' },
    { v: null, sprint: '<nil>', type: '%!s(<nil>)', s: '%!s(<nil>)', kind: 'object' },
    { v: ['a', 1], sprint: '[a 1]', type: '[]interface {}', s: '%!s([]interface {}=[a 1])', kind: 'array' },
    { v: { name: 'x', $patch: 'merge', env: { a: 1 } }, sprint: 'map[$patch:merge env:map[a:1] name:x]', type: 'map[string]interface {}', s: '%!s(map[string]interface {}=map[$patch:merge env:map[a:1] name:x])', kind: 'object' },
  ])('$sprint', ({ v, sprint, type, s, kind }) => {
    expect(goSprint(v)).toBe(sprint);
    expect(goTypeName(v)).toBe(type);
    expect(goPercentS(v)).toBe(s);
    expect(goJsonKind(v)).toBe(kind);
  });
});
