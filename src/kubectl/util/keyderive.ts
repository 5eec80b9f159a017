/**
 * Public keys from private keys, as Go's x509 computes them when it parses a key file, so
 * `create secret tls` can tell whether a certificate and a key belong together: EC keys
 * (P-256, P-384, P-521) and Ed25519 seeds. The curve arithmetic comes from @noble/curves.
 */
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** NIST curves by the OID that names them in a key or certificate. */
const CURVES = {
  '1.2.840.10045.3.1.7': p256,
  '1.3.132.0.34': p384,
  '1.3.132.0.35': p521,
} as const;

export const isKnownCurve = (oid: string): oid is keyof typeof CURVES => oid in CURVES;

/** The uncompressed public point (04‖X‖Y, hex) for a private scalar on a named curve; '00' when invalid. */
export function ecPublicKey(curveOid: string, scalar: Uint8Array): string {
  if (!isKnownCurve(curveOid)) return '00';
  const curve = CURVES[curveOid];
  // Go's parser left-pads short scalars to the curve size; keys may also carry a leading zero.
  const size = curve.lengths.secretKey ?? scalar.length;
  let s = scalar;
  while (s.length > size && s[0] === 0) s = s.subarray(1);
  if (s.length < size) {
    const padded = new Uint8Array(size);
    padded.set(s, size - s.length);
    s = padded;
  }
  try {
    return bytesToHex(curve.getPublicKey(s, false));
  } catch {
    return '00';
  }
}

/** RFC 8032 public key (hex) for a 32-byte Ed25519 seed. */
export function ed25519PublicKey(seed: Uint8Array): string {
  return bytesToHex(ed25519.getPublicKey(seed));
}
