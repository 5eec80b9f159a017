import { fieldErr, type FieldError } from '../../../api/errors';
import { isConfigMapKey } from '../../../api/validation';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import type { KObject } from '../../../api/types';
import { age, invalidEach, isObject, keyPath, sortedKeys, str, updateChecksFirst } from './helpers';
import { goJSONError } from './go-json';

const MAX_SECRET_SIZE = 1024 * 1024;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** UTF-8 bytes of a string, base64-encoded (stringData is merged into data this way). */
export function base64Utf8(s: string): string {
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : B64[c & 63]!;
  }
  return out;
}

/** Decoded bytes of a base64 value as a latin-1 string (undefined when it is not valid base64). */
export function decodeBase64(s: string): string | undefined {
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return undefined;
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const ch of s.replace(/=+$/, '')) {
    acc = (acc << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 255);
    }
  }
  return out;
}

const decodedLength = (v: unknown) => (typeof v === 'string' ? (decodeBase64(v)?.length ?? 0) : 0);

// The type-specific key requirements of ValidateSecret.
function validateType(o: Record<string, unknown> & { data?: Record<string, string> }, type: string): FieldError[] {
  const data = o.data ?? {};
  const has = (k: string) => Object.hasOwn(data, k);
  const json = (key: string): FieldError[] => {
    if (!has(key)) return [fieldErr.required(keyPath('data', key), '')];
    const err = goJSONError(decodeBase64(data[key] ?? '') ?? '');
    return err ? [fieldErr.invalid(keyPath('data', key), '<secret contents redacted>', err)] : [];
  };
  switch (type) {
    case 'kubernetes.io/service-account-token': {
      const ann = (o as { metadata?: { annotations?: Record<string, string> } }).metadata?.annotations ?? {};
      return ann['kubernetes.io/service-account.name'] ? [] : [fieldErr.required('metadata.annotations[kubernetes.io/service-account.name]', '')];
    }
    case 'kubernetes.io/dockercfg':
      return json('.dockercfg');
    case 'kubernetes.io/dockerconfigjson':
      return json('.dockerconfigjson');
    case 'kubernetes.io/basic-auth':
      return has('username') || has('password') ? [] : [fieldErr.required('data[username]', ''), fieldErr.required('data[password]', '')];
    case 'kubernetes.io/ssh-auth':
      return decodedLength(data['ssh-privatekey']) ? [] : [fieldErr.required('data[ssh-privatekey]', '')];
    case 'kubernetes.io/tls':
      return [
        ...(has('tls.crt') ? [] : [fieldErr.required('data[tls.crt]', '')]),
        ...(has('tls.key') ? [] : [fieldErr.required('data[tls.key]', '')]),
      ];
  }
  return [];
}

/** ValidateSecret: data keys, total size and the type-specific keys. */
function validateSecret(o: KObject): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const k of sortedKeys(o.data)) {
    errs.push(...invalidEach(keyPath('data', k), k, isConfigMapKey(k)));
    total += decodedLength(o.data[k]);
  }
  if (total > MAX_SECRET_SIZE) errs.push(fieldErr.tooLong('data', MAX_SECRET_SIZE));
  errs.push(...validateType(o, str(o.type)));
  return errs;
}

/** core/v1 Secret. `stringData` is write-only: it is merged into base64 `data` and dropped. */
export const secrets = defineResource({
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  singular: 'secret',
  namespaced: true,
  defaults(o) {
    o.type ||= 'Opaque';
    if (isObject(o.stringData)) {
      o.data = { ...(isObject(o.data) ? o.data : {}) };
      for (const [k, v] of Object.entries(o.stringData)) o.data[k] = base64Utf8(str(v));
    }
    delete o.stringData;
  },
  ...updateChecksFirst('secrets', validateSecret, (o, old) => {
    const errs: FieldError[] = [];
    if (o.type !== old.type) errs.push(fieldErr.immutable('type', o.type));
    if (old.immutable === true) {
      if (o.immutable !== true) errs.push(fieldErr.forbidden('immutable', 'field is immutable when `immutable` is set'));
      if (JSON.stringify(sortObj(o.data)) !== JSON.stringify(sortObj(old.data)))
        errs.push(fieldErr.forbidden('data', 'field is immutable when `immutable` is set'));
    }
    return errs;
  }),
  fieldSelectors: { type: (o) => o.type ?? '' },
  columns: [
    nameColumn,
    col('Type', 'string', 0, 'Used to facilitate programmatic handling of secret data.'),
    col('Data', 'string', 0, 'Data contains the secret data.'),
    ageColumn,
  ],
  row: (o, now) => [o.metadata.name, str(o.type), Object.keys(o.data ?? {}).length, age(o, now)],
});

const sortObj = (m: unknown) => (isObject(m) && Object.keys(m).length ? Object.fromEntries(sortedKeys(m).map((k) => [k, m[k]])) : null);
