/**
 * IP address parsing as k8s.io/utils/net ParseIPSloppy: Go 1.16's net.ParseIP, which (unlike
 * newer Go) accepts leading zeros in IPv4 octets ("010.0.0.1"). No zones, no CIDRs.
 */

/** Parses an IPv4 or IPv6 address into 16 bytes (IPv4 as ::ffff:a.b.c.d), or null if invalid. */
export function parseIPSloppy(s: string): Uint8Array | null {
  for (const ch of s) {
    if (ch === '.') return parseIPv4(s);
    if (ch === ':') return parseIPv6(s);
  }
  return null;
}

/** True when the address parses and is IPv4 (or IPv4-mapped IPv6, as Go's To4 does). */
export function isIPv4(s: string): boolean {
  const ip = parseIPSloppy(s);
  return ip !== null && isV4Mapped(ip);
}

function isV4Mapped(ip: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (ip[i] !== 0) return false;
  return ip[10] === 0xff && ip[11] === 0xff;
}

// Reads decimal digits at the start of s: [value, count]; count 0 means no digits.
function dtoi(s: string): [number, number] {
  let n = 0;
  let i = 0;
  for (; i < s.length && s[i]! >= '0' && s[i]! <= '9'; i++) {
    n = n * 10 + (s.charCodeAt(i) - 48);
    if (n >= 0xffffff) return [0, 0]; // Go's "big" guard: too large is a failure
  }
  return [n, i];
}

// Reads hex digits at the start of s: [value, count]; count 0 means no digits.
function xtoi(s: string): [number, number] {
  let n = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const d = parseInt(s[i]!, 16);
    if (Number.isNaN(d)) break;
    n = n * 16 + d;
    if (n >= 0xffffff) return [0, 0];
  }
  return [n, i];
}

function parseIPv4(s: string): Uint8Array | null {
  const ip = new Uint8Array(16);
  ip[10] = 0xff;
  ip[11] = 0xff;
  for (let i = 0; i < 4; i++) {
    if (s.length === 0) return null;
    if (i > 0) {
      if (s[0] !== '.') return null;
      s = s.slice(1);
    }
    const [n, c] = dtoi(s);
    if (c === 0 || n > 0xff) return null;
    s = s.slice(c);
    ip[12 + i] = n;
  }
  return s.length === 0 ? ip : null;
}

function parseIPv6(s: string): Uint8Array | null {
  const ip = new Uint8Array(16);
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return ip;
  }
  let i = 0;
  while (i < 16) {
    const [n, c] = xtoi(s);
    if (c === 0 || n > 0xffff) return null;
    if (c < s.length && s[c] === '.') {
      // trailing dotted IPv4, only in the last 4 bytes (or anywhere after an ellipsis)
      if (ellipsis < 0 && i !== 12) return null;
      if (i + 4 > 16) return null;
      const ip4 = parseIPv4(s);
      if (!ip4) return null;
      ip.set(ip4.subarray(12), i);
      s = '';
      i += 4;
      break;
    }
    ip[i] = n >> 8;
    ip[i + 1] = n & 0xff;
    i += 2;
    s = s.slice(c);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return null;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return null;
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return null;
  if (i < 16) {
    if (ellipsis < 0) return null;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j]!;
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return null; // "::" must stand for at least one group
  }
  return ip;
}
