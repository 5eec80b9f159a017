/** Name hashes and public-key derivation (for `create secret tls`) checked against Node's crypto. */
import { createECDH, createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ecPublicKey, ed25519PublicKey } from './keyderive';
import { sha256Hex } from './sha256';

describe('sha256Hex', () => {
  it('matches the standard digest for empty, short and multi-block input', () => {
    for (const s of ['', 'abc', 'x'.repeat(300)]) expect(sha256Hex(new TextEncoder().encode(s))).toBe(createHash('sha256').update(s).digest('hex'));
  });
});

describe('public keys from private keys', () => {
  it('EC P-256, P-384 and P-521: the base point times the scalar', () => {
    const curves: [string, string][] = [
      ['prime256v1', '1.2.840.10045.3.1.7'],
      ['secp384r1', '1.3.132.0.34'],
      ['secp521r1', '1.3.132.0.35'],
    ];
    for (const [name, oid] of curves) {
      const e = createECDH(name);
      e.generateKeys();
      expect(ecPublicKey(oid, e.getPrivateKey()), name).toBe(e.getPublicKey('hex'));
    }
  });
  it('Ed25519: the RFC 8032 public key of a seed', () => {
    for (let i = 0; i < 3; i++) {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
      const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
      expect(ed25519PublicKey(seed)).toBe(pub.toString('hex'));
    }
  });
});
