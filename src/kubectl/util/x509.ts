/**
 * The check `kubectl create secret tls` makes through Go's tls.X509KeyPair: PEM blocks of the
 * right types, a parseable certificate and private key (PKCS#1, PKCS#8 or SEC 1), and a private
 * key that belongs to the certificate's public key — with Go's error texts. Pure TypeScript (no
 * WebCrypto: it is asynchronous and cannot read certificates).
 * Like Go, the private key's public half is computed (keyderive.ts), not read from the key file.
 */
import { ecPublicKey, ed25519PublicKey, isKnownCurve } from './keyderive';

interface PemBlock {
  type: string;
  bytes: Uint8Array;
}

/** pem.Decode repeatedly: every well-formed block in order; malformed ones are skipped as Go does. */
export function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  const re = /(?:^|\n)-----BEGIN ([^\n]*?)-----[ \t\r]*\n([\s\S]*?)\n-----END \1-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2].split('\n');
    // Optional RFC 1421 headers (`Key: value` lines) end at a blank line.
    if (body[0]?.includes(':')) {
      const blank = body.findIndex((l) => l.trim() === '');
      if (blank < 0) continue;
      body.splice(0, blank + 1);
    }
    const b64 = body.join('').replace(/[ \t\r]/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) continue;
    const bin = atob(b64);
    out.push({ type: m[1], bytes: Uint8Array.from(bin, (c) => c.charCodeAt(0)) });
  }
  return out;
}

/** One DER element: tag byte, content, and where the next element starts. */
interface Der {
  tag: number;
  content: Uint8Array;
  end: number;
}

class Asn1Error extends Error {}

function readDer(buf: Uint8Array, at: number): Der {
  if (at + 2 > buf.length) throw new Asn1Error();
  const tag = buf[at];
  let len = buf[at + 1];
  let pos = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || pos + n > buf.length) throw new Asn1Error();
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[pos + i];
    pos += n;
  }
  if (pos + len > buf.length) throw new Asn1Error();
  return { tag, content: buf.subarray(pos, pos + len), end: pos + len };
}

/** The elements inside a constructed value. */
function children(content: Uint8Array): Der[] {
  const out: Der[] = [];
  for (let at = 0; at < content.length; ) {
    const d = readDer(content, at);
    out.push(d);
    at = d.end;
  }
  return out;
}

/** A whole DER value that must be exactly one element with the given tag. */
function single(buf: Uint8Array, tag: number): Der {
  const d = readDer(buf, 0);
  if (d.tag !== tag || d.end !== buf.length) throw new Asn1Error();
  return d;
}

const SEQ = 0x30;
const INT = 0x02;
const BITS = 0x03;
const OCTETS = 0x04;
const OID = 0x06;

function oidText(b: Uint8Array): string {
  const parts: number[] = [Math.floor(b[0] / 40), b[0] % 40];
  let v = 0;
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i] & 0x7f);
    if (!(b[i] & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** An INTEGER's magnitude as hex without leading zeros (for comparing moduli). */
const intHex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('').replace(/^0+/, '');
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

const RSA_OID = '1.2.840.113549.1.1.1';
const EC_OID = '1.2.840.10045.2.1';
const ED25519_OID = '1.3.101.112';

/** What matching needs from a key: its algorithm and public part (hex). */
type KeyInfo = { alg: 'rsa' | 'ec' | 'ed25519' | 'unknown'; pub?: string };

/** The certificate's SubjectPublicKeyInfo, as x509.ParseCertificate reads it. */
function certificatePublicKey(der: Uint8Array): KeyInfo {
  try {
    const [tbs] = children(single(der, SEQ).content);
    if (tbs?.tag !== SEQ) throw new Asn1Error();
    const fields = children(tbs.content);
    const i = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] EXPLICIT version is optional
    const spki = fields[i + 5];
    if (spki?.tag !== SEQ) throw new Asn1Error();
    const [alg, bits] = children(spki.content);
    const oid = children(alg.content)[0];
    if (oid?.tag !== OID || bits?.tag !== BITS) throw new Asn1Error();
    const key = bits.content.subarray(1);
    const algOid = oidText(oid.content);
    if (algOid === RSA_OID) {
      const [n] = children(single(key, SEQ).content);
      return { alg: 'rsa', pub: intHex(n.content) };
    }
    if (algOid === EC_OID) return { alg: 'ec', pub: hex(key) };
    if (algOid === ED25519_OID) return { alg: 'ed25519', pub: hex(key) };
    return { alg: 'unknown' };
  } catch (e) {
    if (e instanceof Asn1Error) throw new Error('x509: malformed certificate');
    throw e;
  }
}

/** PKCS #1 RSAPrivateKey: version 0, then n, e, d, p, q… */
function pkcs1(der: Uint8Array): KeyInfo {
  const f = children(single(der, SEQ).content);
  if (f.length < 9 || f.some((x, i) => i < 9 && x.tag !== INT)) throw new Asn1Error();
  return { alg: 'rsa', pub: intHex(f[1].content) };
}

/** SEC 1 ECPrivateKey: version 1, the scalar, [0] named curve (unless PKCS #8 named it). */
function sec1(der: Uint8Array, outerCurve?: string): KeyInfo {
  const f = children(single(der, SEQ).content);
  if (f[0]?.tag !== INT || f[0].content.length !== 1 || f[0].content[0] !== 1 || f[1]?.tag !== OCTETS) throw new Asn1Error();
  const params = f.find((x) => x.tag === 0xa0);
  const curve = outerCurve ?? (params ? oidText(single(params.content, OID).content) : '');
  if (!isKnownCurve(curve)) throw new Asn1Error();
  return { alg: 'ec', pub: ecPublicKey(curve, f[1].content) };
}

/** PKCS #8 PrivateKeyInfo wrapping one of the above (or an Ed25519 seed). */
function pkcs8(der: Uint8Array): KeyInfo {
  const f = children(single(der, SEQ).content);
  if (f[0]?.tag !== INT || f[1]?.tag !== SEQ || f[2]?.tag !== OCTETS) throw new Asn1Error();
  const [oid, params] = children(f[1].content);
  if (oid?.tag !== OID) throw new Asn1Error();
  const alg = oidText(oid.content);
  if (alg === RSA_OID) return pkcs1(f[2].content);
  if (alg === EC_OID) return sec1(f[2].content, params?.tag === OID ? oidText(params.content) : undefined);
  if (alg === ED25519_OID) {
    const seed = single(f[2].content, OCTETS).content;
    if (seed.length !== 32) throw new Asn1Error();
    return { alg: 'ed25519', pub: ed25519PublicKey(seed) };
  }
  throw new Error('tls: found unknown private key type in PKCS#8 wrapping');
}

/** tls.parsePrivateKey: PKCS #1, then PKCS #8, then SEC 1. */
function privateKey(der: Uint8Array): KeyInfo {
  for (const parse of [pkcs1, pkcs8, (d: Uint8Array) => sec1(d)]) {
    try {
      return parse(der);
    } catch (e) {
      if (!(e instanceof Asn1Error)) throw e;
    }
  }
  throw new Error('tls: failed to parse private key');
}

/** tls.X509KeyPair's checks on PEM texts; throws Go's error. */
export function checkKeyPair(certPem: string, keyPem: string): void {
  const certBlocks = pemBlocks(certPem);
  const certs = certBlocks.filter((b) => b.type === 'CERTIFICATE');
  if (!certs.length) {
    const skipped = certBlocks.map((b) => b.type);
    if (!skipped.length) throw new Error('tls: failed to find any PEM data in certificate input');
    if (skipped.length === 1 && skipped[0].endsWith('PRIVATE KEY'))
      throw new Error('tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
    throw new Error(`tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`);
  }
  const skipped: string[] = [];
  let keyBlock: PemBlock | undefined;
  for (const b of pemBlocks(keyPem)) {
    if (b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY')) {
      keyBlock = b;
      break;
    }
    skipped.push(b.type);
  }
  if (!keyBlock) {
    if (!skipped.length) throw new Error('tls: failed to find any PEM data in key input');
    if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') throw new Error('tls: found a certificate rather than a key in the PEM for the private key');
    throw new Error(`tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`);
  }
  const pub = certificatePublicKey(certs[0].bytes);
  const priv = privateKey(keyBlock.bytes);
  if (pub.alg === 'unknown') throw new Error('tls: unknown public key algorithm');
  if (pub.alg !== priv.alg) throw new Error('tls: private key type does not match public key type');
  if (priv.pub !== pub.pub) throw new Error('tls: private key does not match public key');
}
