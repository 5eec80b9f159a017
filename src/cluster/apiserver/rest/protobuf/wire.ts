/**
 * A minimal protobuf wire-format reader: just what decoding Kubernetes objects needs (varints,
 * length-delimited fields, and skipping fixed32/fixed64 fields we do not map).
 */
export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** A malformed body; `unsupported` marks a well-formed one kubeplay cannot decode (unknown kind). */
export class ProtoError extends Error {
  constructor(message: string, readonly unsupported = false) {
    super(message);
  }
}

export class Reader {
  pos = 0;
  readonly end: number;
  constructor(readonly buf: Uint8Array, start = 0, end = buf.length) {
    this.pos = start;
    this.end = end;
  }

  done(): boolean {
    return this.pos >= this.end;
  }

  /**
   * Reads a varint as a signed 64-bit integer converted to a JS number. int32/int64 negatives are
   * sent as 10-byte two's complement varints (e.g. the zero Time's seconds, -62135596800), so the
   * value is assembled from 32-bit halves rather than with bit ops that would truncate it.
   */
  varint(): number {
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new ProtoError('truncated varint');
      const b = this.buf[this.pos++];
      if (i < 4) lo |= (b & 0x7f) << (7 * i);
      else if (i === 4) {
        lo |= (b & 0x0f) << 28;
        hi |= (b & 0x7f) >> 4;
      } else hi |= (b & 0x7f) << (7 * i - 32);
      if ((b & 0x80) === 0) {
        lo >>>= 0;
        hi >>>= 0;
        if (hi & 0x80000000) return -((~hi >>> 0) * 0x100000000 + (~lo >>> 0) + 1);
        return hi * 0x100000000 + lo;
      }
    }
    throw new ProtoError('varint too long');
  }

  /** The bounds of a length-delimited field's payload; advances past it. */
  span(): [number, number] {
    const len = this.varint();
    const start = this.pos;
    if (len < 0 || start + len > this.end) throw new ProtoError('length-delimited field overruns its message');
    this.pos = start + len;
    return [start, start + len];
  }

  bytes(): Uint8Array {
    const [s, e] = this.span();
    return this.buf.subarray(s, e);
  }

  string(): string {
    return utf8.decode(this.bytes());
  }

  /** Skips a field we have no table entry for (unknown or newer fields must not break decoding). */
  skip(wireType: number): void {
    if (wireType === WIRE_VARINT) this.varint();
    else if (wireType === WIRE_FIXED64) this.advance(8);
    else if (wireType === WIRE_BYTES) this.span();
    else if (wireType === WIRE_FIXED32) this.advance(4);
    else throw new ProtoError(`unsupported wire type ${wireType}`);
  }

  private advance(n: number) {
    if (this.pos + n > this.end) throw new ProtoError('truncated fixed-width field');
    this.pos += n;
  }
}

/** Base64 without Node's Buffer (this runs in a Web Worker too). */
export function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
