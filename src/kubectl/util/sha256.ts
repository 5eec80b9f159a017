/** SHA-256 of bytes as lowercase hex, synchronous (WebCrypto's digest is async): kubectl's name hashes. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export const sha256Hex = (data: Uint8Array): string => bytesToHex(sha256(data));
