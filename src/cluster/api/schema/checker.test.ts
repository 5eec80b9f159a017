import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { fieldChecker } from './checker';

const def = { group: 'apps', version: 'v1', kind: 'Deployment' };
const body = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'w' }, spec: { replicas: 1, foo: 1 } };

describe('fieldChecker (the ApiServer hook)', () => {
  it('returns one warning per unknown field under Warn', () => expect(fieldChecker(body, def, 'Warn')).toEqual(['unknown field "spec.foo"']));
  it('returns nothing under Ignore', () => expect(fieldChecker(body, def, 'Ignore')).toEqual([]));
  it('throws the 400 under Strict', () => {
    expect(() => fieldChecker(body, def, 'Strict')).toThrow(ApiError);
    expect(() => fieldChecker(body, def, 'Strict')).toThrow('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"');
  });
  it('throws on type errors in every mode', () => {
    expect(() => fieldChecker({ ...body, spec: { replicas: 'x' } }, def, 'Ignore')).toThrow(/cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32/);
  });
});
