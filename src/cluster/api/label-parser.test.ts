import { describe, expect, it } from 'vitest';
import { formatSelector, parseSelector } from './labels';
import type { Requirement } from './labels';

const req = (key: string, op: Requirement['op'], ...values: string[]): Requirement => ({ key, op, values });

// [input, requirements, how upstream prints the parsed selector]
const accepted: [string, Requirement[], string][] = [
  ['', [], ''],
  ['   ', [], ''],
  ['a=b', [req('a', 'Equals', 'b')], 'a=b'],
  ['a==b', [req('a', 'Equals', 'b')], 'a=b'],
  ['a!=b', [req('a', 'NotEquals', 'b')], 'a!=b'],
  ['a in (x,y)', [req('a', 'In', 'x', 'y')], 'a in (x,y)'],
  ['a notin (x)', [req('a', 'NotIn', 'x')], 'a notin (x)'],
  ['a', [req('a', 'Exists')], 'a'],
  ['!a', [req('a', 'DoesNotExist')], '!a'],
  ['a>1', [req('a', 'GreaterThan', '1')], 'a>1'],
  ['a<2', [req('a', 'LessThan', '2')], 'a<2'],
  ['  a = b  ,  c != d  ', [req('a', 'Equals', 'b'), req('c', 'NotEquals', 'd')], 'a=b,c!=d'],
  ['a=b,\tc=d\r\n', [req('a', 'Equals', 'b'), req('c', 'Equals', 'd')], 'a=b,c=d'],
  ['x=\n', [req('x', 'Equals', '')], 'x='],
  ['x=', [req('x', 'Equals', '')], 'x='],
  ['a==', [req('a', 'Equals', '')], 'a='],
  ['x=,z= ', [req('x', 'Equals', ''), req('z', 'Equals', '')], 'x=,z='],
  ['x>1,z<5', [req('x', 'GreaterThan', '1'), req('z', 'LessThan', '5')], 'x>1,z<5'],
  ['x in ()', [req('x', 'In', '')], 'x in ()'],
  ['x in (,)', [req('x', 'In', '')], 'x in ()'],
  ['x in (a,,b)', [req('x', 'In', '', 'a', 'b')], 'x in (,a,b)'],
  ['x in (a,)', [req('x', 'In', '', 'a')], 'x in (,a)'],
  ['x in (b,a,b)', [req('x', 'In', 'a', 'b')], 'x in (a,b)'],
  ['a in ( x , y )', [req('a', 'In', 'x', 'y')], 'a in (x,y)'],
  ['x notin (in, notin)', [req('x', 'NotIn', 'in', 'notin')], 'x notin (in,notin)'],
  ['in in (in)', [req('in', 'In', 'in')], 'in in (in)'],
  ['notin=in', [req('notin', 'Equals', 'in')], 'notin=in'],
  ['a=notin', [req('a', 'Equals', 'notin')], 'a=notin'],
  ['a,b', [req('a', 'Exists'), req('b', 'Exists')], 'a,b'],
  ['a/b', [req('a/b', 'Exists')], 'a/b'],
  ['example.com/app=web', [req('example.com/app', 'Equals', 'web')], 'example.com/app=web'],
  ['z=1,a=2', [req('a', 'Equals', '2'), req('z', 'Equals', '1')], 'a=2,z=1'],
  ['a,a=b,a!=c', [req('a', 'Exists'), req('a', 'Equals', 'b'), req('a', 'NotEquals', 'c')], 'a,a=b,a!=c'],
  [
    'a in (x),b notin (y,z),!c,d',
    [req('a', 'In', 'x'), req('b', 'NotIn', 'y', 'z'), req('c', 'DoesNotExist'), req('d', 'Exists')],
    'a in (x),b notin (y,z),!c,d',
  ],
];

// [input, message]. Every message was checked against real kubectl 1.32
// (`kubectl set selector --local -f svc.yaml '<input>'`, which prints labels.Parse errors).
const rejected: [string, string][] = [
  ["x=a||y=b", "unable to parse requirement: values[0][x]: Invalid value: \"a||y\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
  ["x==a==b", "found '==', expected: ',' or 'end of string'"],
  ["!x=a", "found '=', expected: ',' or 'end of string'"],
  ["x<a", "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"],
  ["x in (a", "unable to parse requirement: found '', expected: ',' or ')'"],
  ["a,", "found '', expected: identifier after ','"],
  [",a", "found ',', expected: !, identifier, or 'end of string'"],
  ["a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
  ["a=b c", "found 'c', expected: ',' or 'end of string'"],
  ["a in x", "unable to parse requirement: found 'x' expected: '('"],
  ["a in (x y)", "unable to parse requirement: found 'y', expected: ',' or ')'"],
  ["a in (x,!)", "unable to parse requirement: found '!', expected: ',', or identifier"],
  ["a-", "unable to parse requirement: <nil>: Invalid value: \"a-\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"],
  ["/b", "unable to parse requirement: <nil>: Invalid value: \"/b\": prefix part must be non-empty"],
  ["a/", "unable to parse requirement: <nil>: Invalid value: \"a/\": name part must be non-empty; name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"],
  ["a/b/c", "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"],
  ["A.b/c", "unable to parse requirement: <nil>: Invalid value: \"A.b/c\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"],
  ["a=-b", "unable to parse requirement: values[0][a]: Invalid value: \"-b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
  ["a=b_", "unable to parse requirement: values[0][a]: Invalid value: \"b_\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
  ["a=${\"x\"}", "unable to parse requirement: values[0][a]: Invalid value: \"${\\\"x\\\"}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
  ["a=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "unable to parse requirement: values[0][a]: Invalid value: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": must be no more than 63 characters"],
  ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=b", "unable to parse requirement: <nil>: Invalid value: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": name part must be no more than 63 characters"],
  ["a>b", "unable to parse requirement: values[0]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must be an integer"],
  ["a>1.5", "unable to parse requirement: values[0]: Invalid value: \"1.5\": for 'Gt', 'Lt' operators, the value must be an integer"],
  ["a<-3", "unable to parse requirement: values[0][a]: Invalid value: \"-3\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
  ["a>+3", "unable to parse requirement: values[0][a]: Invalid value: \"+3\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
  ["a>99999999999999999999", "unable to parse requirement: values[0]: Invalid value: \"99999999999999999999\": for 'Gt', 'Lt' operators, the value must be an integer"],
  ["!", "unable to parse requirement: found '', expected: identifier"],
  ["!!a", "unable to parse requirement: found '!', expected: identifier"],
  ["a!", "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt"],
  ["a!==b", "unable to parse requirement: found '=', expected: identifier"],
  ["a===b", "unable to parse requirement: found '=', expected: identifier"],
  ["a=(b)", "unable to parse requirement: found '(', expected: identifier"],
  ["(", "found '(', expected: !, identifier, or 'end of string'"],
  [")", "found ')', expected: !, identifier, or 'end of string'"],
  [",", "found ',', expected: !, identifier, or 'end of string'"],
  ["=", "found '=', expected: !, identifier, or 'end of string'"],
  ["a=b,,c=d", "found ',', expected: identifier after ','"],
  ["a=b=c", "found '=', expected: ',' or 'end of string'"],
  ["a in (-x)", "unable to parse requirement: values[0][a]: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
  ["a>1>2", "found '>', expected: ',' or 'end of string'"],
  ["a=>1", "unable to parse requirement: found '>', expected: identifier"],
  ["a<=1", "unable to parse requirement: found '=', expected: identifier"],

];

describe('parseSelector accepts the upstream grammar', () => {
  for (const [input, reqs, printed] of accepted) {
    it(`${JSON.stringify(input)} parses to ${JSON.stringify(printed)}`, () => {
      const sel = parseSelector(input);
      expect(sel).toEqual(reqs);
      expect(formatSelector(sel)).toBe(printed);
    });
  }
});

describe('parseSelector rejects bad input with upstream messages', () => {
  for (const [input, message] of rejected) {
    it(`${JSON.stringify(input)} fails: ${message.slice(0, 70)}`, () => {
      expect(() => parseSelector(input)).toThrow(new Error(message));
    });
  }
});

describe('lexer corners', () => {
  it('a NUL character ends the input like the end of the string', () => expect(parseSelector('a=b\0')).toEqual([req('a', 'Equals', 'b')]));
  it('"a=b,c" keeps both requirements in key order', () => expect(formatSelector(parseSelector('c,a=b'))).toBe('a=b,c'));
  it('a negative Lt value is not a valid label value', () =>
    expect(() => parseSelector('a<-3')).toThrow(/values\[0\]\[a\]: Invalid value: "-3"/));
});
