import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { base64Utf8, decodeBase64 } from './secret';
import { coreServer, mutable } from './testkit';

const secret = (o: Partial<KObject>): KObject => ({ apiVersion: 'v1', kind: 'Secret', ...o, metadata: { name: 's', ...(o.metadata ?? {}) } });
const b64 = (s: string) => base64Utf8(s);

describe('Secret defaults', () => {
  it('defaults the type to Opaque', () => {
    const { create } = coreServer();
    expect(create(secret({ data: { a: b64('x') } })).type).toBe('Opaque');
  });

  it('merges stringData into base64 data and drops it', () => {
    const { create } = coreServer();
    const s = create(secret({ data: { a: b64('old'), b: b64('keep') }, stringData: { a: 'new', c: 'ünïcode' } }));
    expect([s.data, s.stringData]).toEqual([{ a: 'bmV3', b: 'a2VlcA==', c: 'w7xuw69jb2Rl' }, undefined]);
  });

  it.each([['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v']])('base64-encodes %j as %j and back', (plain, encoded) => {
    expect([base64Utf8(plain), decodeBase64(encoded)]).toEqual([encoded, plain]);
  });
});

describe('Secret validation', () => {
  it.each<[string, Partial<KObject>, string]>([
    [
      'refuses a bad data key',
      { data: { 'bad key': b64('x') } },
      "Secret \"s\" is invalid: data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ],
    [
      'requires the service-account annotation on token secrets',
      { type: 'kubernetes.io/service-account-token' },
      'Secret "s" is invalid: metadata.annotations[kubernetes.io/service-account.name]: Required value',
    ],
    ['requires .dockerconfigjson', { type: 'kubernetes.io/dockerconfigjson' }, 'Secret "s" is invalid: data[.dockerconfigjson]: Required value'],
    [
      'requires .dockerconfigjson to be a JSON object',
      { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64('nope') } },
      "Secret \"s\" is invalid: data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": invalid character 'o' in literal null (expecting 'u')",
    ],
    [
      'refuses a dockerconfigjson that is a string',
      { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64('"x"') } },
      'Secret "s" is invalid: data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": json: cannot unmarshal string into Go value of type map[string]interface {}',
    ],
    ['accepts a valid dockerconfigjson', { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64('{"auths":{}}') } }, ''],
    [
      'requires both TLS keys',
      { type: 'kubernetes.io/tls', data: {} },
      'Secret "s" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]',
    ],
    [
      'requires a username or password for basic auth',
      { type: 'kubernetes.io/basic-auth' },
      'Secret "s" is invalid: [data[username]: Required value, data[password]: Required value]',
    ],
    ['requires the ssh private key', { type: 'kubernetes.io/ssh-auth' }, 'Secret "s" is invalid: data[ssh-privatekey]: Required value'],
  ])('%s', (_n, o, message) => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(secret(o)))).toBe(message);
  });

  it.each<[string, (s: KObject) => void, string]>([
    [
      'refuses a type change, update checks first',
      (s) => (s.type = 'kubernetes.io/tls'),
      'Secret "s" is invalid: [type: Invalid value: "kubernetes.io/tls": field is immutable, data[tls.crt]: Required value, data[tls.key]: Required value]',
    ],
    [
      'refuses data changes once immutable',
      (s) => (s.data = { a: b64('y') }),
      'Secret "s" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    ],
    [
      'refuses clearing immutable',
      (s) => (s.immutable = false),
      'Secret "s" is invalid: immutable: Forbidden: field is immutable when `immutable` is set',
    ],
  ])('%s', (_n, change, message) => {
    const { create, update, errorOf } = coreServer();
    const s = mutable(create(secret({ data: { a: b64('x') }, immutable: true })));
    change(s);
    expect(errorOf(() => update(s))).toBe(message);
  });
});

describe('Secret table', () => {
  it('prints type and data count', () => {
    const { create, row } = coreServer();
    expect(row(create(secret({ data: { a: b64('x'), b: b64('y') } })))).toEqual(['s', 'Opaque', 2, '5s']);
  });
});
