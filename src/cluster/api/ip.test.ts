import { describe, expect, it } from 'vitest';
import { isIPv4, parseIPSloppy } from './ip';

const hex = (b: Uint8Array | null) => (b ? Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('') : null);

describe('parseIPSloppy', () => {
  // [input, 16 bytes as hex or null]
  const cases: [string, string | null][] = [
    ['1.2.3.4', '00000000000000000000ffff01020304'],
    ['0.0.0.0', '00000000000000000000ffff00000000'],
    ['255.255.255.255', '00000000000000000000ffffffffffff'],
    ['010.001.1.1', '00000000000000000000ffff0a010101'],
    ['1.2.3.00000000255', '00000000000000000000ffff010203ff'],
    ['::', '00000000000000000000000000000000'],
    ['::1', '00000000000000000000000000000001'],
    ['2001:db8::ffff', '20010db800000000000000000000ffff'],
    ['fe80::1', 'fe800000000000000000000000000001'],
    ['1:2:3:4:5:6:7:8', '00010002000300040005000600070008'],
    ['1::', '00010000000000000000000000000000'],
    ['::ffff:1.2.3.4', '00000000000000000000ffff01020304'],
    ['::1.2.3.4', '00000000000000000000000001020304'],
    ['1:2:3:4:5:6:1.2.3.4', '00010002000300040005000601020304'],
    ['ABCD::0001', 'abcd0000000000000000000000000001'],
    ['', null],
    ['abc', null],
    ['1.2.3', null],
    ['1.2.3.4.5', null],
    ['256.1.1.1', null],
    ['1.2.3.-4', null],
    [' 1.2.3.4', null],
    ['1.2.3.4 ', null],
    ['1.2.3.4:80', null],
    ['1.2.3.4/24', null],
    ['fe80::1%eth0', null],
    ['1:2:3:4:5:6:7:8:9', null],
    ['1:2:3:4:5:6:7::8', null],
    ['1::2::3', null],
    [':1', null],
    ['1:', null],
    ['12345::1', null],
    ['::ffff:1.2.3', null],
    ['1:2:3:4:5:6:7:1.2.3.4', null],
    ['g::1', null],
  ];
  for (const [input, want] of cases) {
    it(`"${input}" ${want ? 'parses' : 'is not an IP'}`, () => expect(hex(parseIPSloppy(input))).toBe(want));
  }
});

describe('isIPv4', () => {
  const cases: [string, boolean][] = [
    ['10.0.0.1', true],
    ['::ffff:10.0.0.1', true],
    ['::1', false],
    ['2001:db8::1', false],
    ['nope', false],
  ];
  for (const [input, want] of cases) it(`"${input}" is ${want ? '' : 'not '}IPv4`, () => expect(isIPv4(input)).toBe(want));
});
