import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { checkFields } from './fieldCheck';
import {
  decodeOutcome,
  goPrintValue,
  parseFieldValidation,
  patchInvalid,
  patchOutcome,
  sortedJSON,
  strictDecodingMessage,
  validateBodyFields,
  warningHeaderValue,
} from './fieldValidation';

const deployment = (spec: unknown) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec });
const typo = deployment({ replicasx: 3, template: { spec: { containers: [{ name: 'a', imag: 'x' }] } } });

describe('parseFieldValidation', () => {
  const ok: [string | null | undefined, string][] = [
    [undefined, 'Warn'],
    [null, 'Warn'],
    ['', 'Warn'],
    ['Strict', 'Strict'],
    ['Warn', 'Warn'],
    ['Ignore', 'Ignore'],
  ];
  it.each(ok)('%j → %s (absent means Warn)', (p, mode) => expect(parseFieldValidation(p, 'CreateOptions')).toBe(mode));
  it('rejects other values with the 422 of ValidateFieldValidation', () => {
    const e = parseFieldValidation('strict', 'PatchOptions') as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status.code).toBe(422);
    expect(e.status.message).toBe(
      'PatchOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "strict": supported values: "", "Ignore", "Strict", "Warn"',
    );
  });
});

describe('validateBodyFields applies the mode to create/update bodies', () => {
  const prefix = 'Deployment in version "v1" cannot be handled as a Deployment: ';
  const cases: { name: string; obj: unknown; mode: 'Strict' | 'Warn' | 'Ignore'; error?: string; warnings: string[] }[] = [
    {
      name: 'Strict fails with every unknown field joined by ", "',
      obj: typo,
      mode: 'Strict',
      error: prefix + 'strict decoding error: unknown field "spec.replicasx", unknown field "spec.template.spec.containers[0].imag"',
      warnings: [],
    },
    { name: 'Warn warns once per unknown field', obj: typo, mode: 'Warn', warnings: ['unknown field "spec.replicasx"', 'unknown field "spec.template.spec.containers[0].imag"'] },
    { name: 'Ignore drops them silently', obj: typo, mode: 'Ignore', warnings: [] },
    {
      name: 'type errors fail even under Ignore',
      obj: deployment({ replicas: '3' }),
      mode: 'Ignore',
      error: prefix + 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      warnings: [],
    },
    {
      name: 'type errors win over unknown fields under Strict',
      obj: deployment({ replicas: '3', foo: 1 }),
      mode: 'Strict',
      error: prefix + 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      warnings: [],
    },
    { name: 'a clean body passes', obj: deployment({ replicas: 3 }), mode: 'Strict', warnings: [] },
  ];
  it.each(cases)('$name', ({ obj, mode, error, warnings }) => {
    const out = validateBodyFields(obj, 'apps', 'v1', 'Deployment', mode);
    expect(out.warnings).toEqual(warnings);
    if (error) {
      expect(out.error?.status).toMatchObject({ code: 400, reason: 'BadRequest', message: error });
    } else expect(out.error).toBeUndefined();
  });
  it('uses the version of the body in the message (core group)', () => {
    const out = decodeOutcome({ unknown: ['spec.x'], typeErrors: [] }, 'v1', 'Pod', 'Strict');
    expect(out.error?.status.message).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.x"');
  });
});

describe('patch outcomes are 422s on the "patch" field', () => {
  it('Strict unknown fields after a strategic merge patch', () => {
    const patch = { spec: { replicasx: 3 } };
    const out = patchOutcome(checkFields(deployment({ replicasx: 3 }), 'apps', 'v1', 'Deployment', 'convert'), goPrintValue(patch), 'Strict');
    expect(out.error?.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: ' "" is invalid: patch: Invalid value: "map[spec:map[replicasx:3]]": strict decoding error: unknown field "spec.replicasx"',
      reason: 'Invalid',
      details: {
        causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: "map[spec:map[replicasx:3]]": strict decoding error: unknown field "spec.replicasx"', field: 'patch' }],
      },
      code: 422,
    });
  });
  it('Warn yields warnings, Ignore nothing', () => {
    const r = { unknown: ['spec.a'], typeErrors: [] };
    expect(patchOutcome(r, '', 'Warn')).toEqual({ warnings: ['unknown field "spec.a"'] });
    expect(patchOutcome(r, '', 'Ignore')).toEqual({ warnings: [] });
  });
  it('type errors fail in every mode', () => {
    const r = { unknown: [], typeErrors: ['unrecognized type: int32'], decodeError: 'unrecognized type: int32' };
    expect(patchOutcome(r, 'v', 'Ignore').error?.status.message).toBe(' "" is invalid: patch: Invalid value: "v": unrecognized type: int32');
    expect(patchInvalid('v', 'm').code).toBe(422);
  });
});

describe('rendering helpers', () => {
  it('strictDecodingMessage joins with ", "', () => expect(strictDecodingMessage(['a', 'b.c'])).toBe('strict decoding error: unknown field "a", unknown field "b.c"'));
  const prints: [unknown, string][] = [
    [{ spec: { replicas: 3, b: [1, 'x'] }, a: null }, 'map[a:<nil> spec:map[b:[1 x] replicas:3]]'],
    [true, 'true'],
  ];
  it.each(prints)('goPrintValue(%j) = %s', (v, s) => expect(goPrintValue(v)).toBe(s));
  it('sortedJSON sorts keys at every level', () => expect(sortedJSON({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}'));
  it('warningHeaderValue quotes like NewWarningHeader', () => expect(warningHeaderValue('unknown field "spec.x"')).toBe('299 - "unknown field \\"spec.x\\""'));
});
