import { describe, expect, it } from 'vitest';
import {
  isCIdentifier,
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isInRange,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  regexError,
  utf8Length,
} from './formats';

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const QUALIFIED =
  "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const C_ID =
  "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')";
const ENV =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";
const RELAXED = "a valid environment variable name must consist only of printable ASCII characters other than '='";
const CM_KEY =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

const a = (n: number) => 'a'.repeat(n);

type Case = [string, string[]];
const table = (name: string, fn: (v: string) => string[], cases: Case[]) =>
  describe(name, () => {
    for (const [value, want] of cases) {
      const short = value.length > 40 ? `${value.slice(0, 20)}…(${value.length})` : value;
      it(want.length ? `"${short}" is rejected (${want.length})` : `"${short}" is valid`, () => expect(fn(value)).toEqual(want));
    }
  });

table('isDNS1123Label', isDNS1123Label, [
  ['a', []],
  ['web-1', []],
  ['0', []],
  ['123-abc', []],
  [a(63), []],
  [a(64), ['must be no more than 63 characters']],
  ['', [LABEL]],
  ['Web', [LABEL]],
  ['-a', [LABEL]],
  ['a-', [LABEL]],
  ['a_b', [LABEL]],
  ['a.b', ['must not contain dots']],
  ['a..b', [LABEL]],
  [`${a(64)}.b`, ['must be no more than 63 characters', 'must not contain dots']],
]);

table('isDNS1123Subdomain', isDNS1123Subdomain, [
  ['example.com', []],
  ['a', []],
  ['a.b-c.d', []],
  [a(253), []],
  [a(254), ['must be no more than 253 characters']],
  ['Web_1', [SUBDOMAIN]],
  ['', [SUBDOMAIN]],
  ['a..b', [SUBDOMAIN]],
  ['.a', [SUBDOMAIN]],
  ['a.', [SUBDOMAIN]],
  ['a.-b', [SUBDOMAIN]],
  [`-${a(253)}`, ['must be no more than 253 characters', SUBDOMAIN]],
]);

table('isDNS1035Label', isDNS1035Label, [
  ['my-name', []],
  ['abc-123', []],
  ['a', []],
  ['1abc', [DNS1035]],
  ['no-domain.com', [DNS1035]],
  ['A', [DNS1035]],
  ['', [DNS1035]],
  [a(64), ['must be no more than 63 characters']],
]);

table('isQualifiedName', isQualifiedName, [
  ['app', []],
  ['App_Name.1', []],
  ['example.com/app', []],
  ['kubernetes.io/hostname', []],
  [a(63), []],
  [`${a(253)}/${a(63)}`, []],
  ['', ['name part must be non-empty', NAME_PART]],
  ['-a', [NAME_PART]],
  ['a b', [NAME_PART]],
  ['é', [NAME_PART]],
  [a(64), ['name part must be no more than 63 characters']],
  ['/b', ['prefix part must be non-empty']],
  ['a/', ['name part must be non-empty', NAME_PART]],
  ['A.b/c', [`prefix part ${SUBDOMAIN}`]],
  [`${a(254)}/b`, ['prefix part must be no more than 253 characters']],
  ['a/b/c', [QUALIFIED]],
]);

table('isValidLabelValue', isValidLabelValue, [
  ['', []],
  ['web', []],
  ['My_value.1-2', []],
  [a(63), []],
  [a(64), ['must be no more than 63 characters']],
  ['-b', [LABEL_VALUE]],
  ['b_', [LABEL_VALUE]],
  ['a b', [LABEL_VALUE]],
  ['a/b', [LABEL_VALUE]],
  ['-'.repeat(64), ['must be no more than 63 characters', LABEL_VALUE]],
]);

table('isCIdentifier', isCIdentifier, [
  ['my_name', []],
  ['_x1', []],
  ['1x', [C_ID]],
  ['a-b', [C_ID]],
  ['', [C_ID]],
]);

table('isEnvVarName', isEnvVarName, [
  ['MY_ENV.NAME', []],
  ['my.env-name', []],
  ['-x', []],
  ['1A', [ENV]],
  ['A B', [ENV]],
  ['.', ["must not be '.'"]],
  ['..', ["must not be '..'"]],
  ['..a', ["must not start with '..'"]],
  ['', [ENV]],
]);

table('isRelaxedEnvVarName (1.32 default)', isRelaxedEnvVarName, [
  ['1A', []],
  ['A B', []],
  ['a:b!~', []],
  ['', ['environment variable name must be non-empty']],
  ['A=B', [RELAXED]],
  ['tab\there', [RELAXED]],
  ['café', [RELAXED]],
]);

table('isConfigMapKey', isConfigMapKey, [
  ['key.name', []],
  ['KEY_NAME', []],
  ['a/b', [CM_KEY]],
  ['', [CM_KEY]],
  ['..', ["must not be '..'"]],
  ['..x', ["must not start with '..'"]],
  [a(254), ['must be no more than 253 characters']],
]);

table('isValidPortName', isValidPortName, [
  ['http', []],
  ['web-80', []],
  ['a', []],
  ['123', ['must contain at least one letter (a-z)']],
  ['HTTP', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
  ['a--b', ['must not contain consecutive hyphens']],
  ['-a', ['must not begin or end with a hyphen']],
  ['a-', ['must not begin or end with a hyphen']],
  ['abcdefghijklmnop', ['must be no more than 15 characters']],
  ['', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
]);

describe('isValidPortNum / isInRange', () => {
  const ports: [number, string[]][] = [
    [1, []],
    [80, []],
    [65535, []],
    [0, ['must be between 1 and 65535, inclusive']],
    [65536, ['must be between 1 and 65535, inclusive']],
    [-1, ['must be between 1 and 65535, inclusive']],
  ];
  for (const [p, want] of ports) it(`port ${p} ${want.length ? 'is rejected' : 'is valid'}`, () => expect(isValidPortNum(p)).toEqual(want));
  it('isInRange reports the inclusive range', () => {
    expect(isInRange(5, 0, 10)).toEqual([]);
    expect(isInRange(11, 0, 10)).toEqual(['must be between 0 and 10, inclusive']);
  });
});

describe('name validators (ValidateNameFunc)', () => {
  const cases: [string, (n: string, p: boolean) => string[], string, boolean, string[]][] = [
    ['subdomain', nameIsDNSSubdomain, 'web.v1', false, []],
    ['subdomain', nameIsDNSSubdomain, 'web-', false, [SUBDOMAIN]],
    ['subdomain', nameIsDNSSubdomain, 'web-', true, []],
    ['subdomain', nameIsDNSSubdomain, '-', true, [SUBDOMAIN]],
    // upstream masks by dropping two characters, so "a.-" becomes "aa" and passes
    ['subdomain', nameIsDNSSubdomain, 'a.-', true, []],
    ['label', nameIsDNSLabel, 'ns-', true, []],
    ['label', nameIsDNSLabel, 'a.b', false, ['must not contain dots']],
    ['dns1035', nameIsDNS1035Label, 'svc-', true, []],
    ['dns1035', nameIsDNS1035Label, '1svc', false, [DNS1035]],
  ];
  for (const [kind, fn, name, prefix, want] of cases) {
    it(`${kind}: "${name}"${prefix ? ' as generateName' : ''} ${want.length ? 'is rejected' : 'is valid'}`, () =>
      expect(fn(name, prefix)).toEqual(want));
  }
});

describe('helpers', () => {
  it('regexError without examples names only the regex', () => expect(regexError('bad', 'x+')).toBe("bad (regex used for validation is 'x+')"));
  const lengths: [string, number][] = [
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['', 0],
  ];
  for (const [s, n] of lengths) it(`utf8Length("${s}") is ${n}`, () => expect(utf8Length(s)).toBe(n));
});

describe('fast paths agree with the regular expressions', () => {
  // Valid iff upstream's regexes (and byte lengths) say so; the scanners in front must never accept more.
  const label = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
  const qname = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
  const oracle: [string, (v: string) => string[], (v: string) => boolean][] = [
    ['isDNS1123Label', isDNS1123Label, (v) => new RegExp(`^${label}$`).test(v) && v.length <= 63],
    ['isDNS1123Subdomain', isDNS1123Subdomain, (v) => new RegExp(`^${label}(\\.${label})*$`).test(v) && v.length <= 253],
    ['isDNS1035Label', isDNS1035Label, (v) => /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(v) && v.length <= 63],
    ['isValidLabelValue', isValidLabelValue, (v) => new RegExp(`^(${qname})?$`).test(v) && v.length <= 63],
    [
      'isQualifiedName',
      isQualifiedName,
      (v) => {
        const parts = v.split('/');
        if (parts.length > 2) return false;
        const name = parts[parts.length - 1];
        const prefixOk = parts.length === 1 || (new RegExp(`^${label}(\\.${label})*$`).test(parts[0]) && parts[0].length <= 253);
        return prefixOk && new RegExp(`^${qname}$`).test(name) && name.length <= 63;
      },
    ],
  ];
  const alphabet = ['a', 'z', 'A', 'Z', '0', '9', '-', '.', '_', '/', 'é', ' '];
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  const samples = ['', 'a', 'a'.repeat(63), 'a'.repeat(64), `${'a'.repeat(250)}.b`, `${'a.'.repeat(127)}a`, 'example.com/MyName', 'a/b/c'];
  for (let i = 0; i < 4000; i++) samples.push(Array.from({ length: 1 + rand(12) }, () => alphabet[rand(alphabet.length)]).join(''));

  it.each(oracle)('%s', (_, fn, valid) => {
    for (const v of samples) expect(fn(v).length === 0, JSON.stringify(v)).toBe(valid(v));
  });
});
