import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../api/errors';
import { applyMergePatch } from './merge';

const deployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web', tier: 'fe' } },
  spec: {
    replicas: 1,
    template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }], nodeSelector: null as unknown } },
  },
});

describe('applyMergePatch follows RFC 7396 as evanphx/json-patch v4 applies it', () => {
  const cases: { name: string; patch: unknown; want: (d: ReturnType<typeof deployment>) => unknown }[] = [
    { name: "kubectl scale's patch sets replicas", patch: { spec: { replicas: 5 } }, want: (d) => ((d.spec.replicas = 5), d) },
    {
      name: "kubectl label's null removes a label and a value adds one",
      patch: { metadata: { labels: { tier: null, env: 'prod' } } },
      want: (d) => ({ ...d, metadata: { ...d.metadata, labels: { app: 'web', env: 'prod' } } }),
    },
    {
      name: 'lists are replaced wholesale (no merge keys)',
      patch: { spec: { template: { spec: { containers: [{ name: 'side', image: 'busybox' }] } } } },
      want: (d) => ((d.spec.template.spec.containers = [{ name: 'side', image: 'busybox' }]), d),
    },
    {
      name: 'null members inside a new object are dropped',
      patch: { spec: { strategy: { type: 'Recreate', rollingUpdate: null } } },
      want: (d) => ({ ...d, spec: { ...d.spec, strategy: { type: 'Recreate' } } }),
    },
    {
      name: 'an object replacing a null member is pruned of nulls',
      patch: { spec: { template: { spec: { nodeSelector: { disk: 'ssd', zone: null } } } } },
      want: (d) => ((d.spec.template.spec.nodeSelector = { disk: 'ssd' }), d),
    },
    {
      name: 'objects inside a copied-in list lose null members, null elements stay',
      patch: { spec: { template: { spec: { containers: [{ name: 'a', image: null }, null] } } } },
      want: (d) => ((d.spec.template.spec.containers = [{ name: 'a' }, null] as never), d),
    },
    {
      name: 'a scalar is replaced by an object',
      patch: { spec: { replicas: { value: 2 } } },
      want: (d) => ({ ...d, spec: { ...d.spec, replicas: { value: 2 } } }),
    },
    { name: 'an empty patch changes nothing', patch: {}, want: (d) => d },
  ];
  it.each(cases)('$name', ({ patch, want }) => {
    expect(applyMergePatch(deployment(), patch)).toEqual(want(deployment()));
  });

  it('an array patch replaces the whole document (the caller then rejects it)', () => {
    expect(applyMergePatch(deployment(), [{ a: null }, null])).toEqual([{}, null]);
  });

  it.each([
    { name: 'null', patch: null },
    { name: 'a string', patch: 'x' },
    { name: 'a number', patch: 1 },
  ])('a $name patch is a 400 "Invalid JSON Patch"', ({ patch }) => {
    try {
      applyMergePatch(deployment(), patch);
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).status).toMatchObject({ code: 400, reason: 'BadRequest', message: 'Invalid JSON Patch' });
    }
  });

  it('never mutates the document or the patch', () => {
    const doc = deployment();
    const patch = { metadata: { labels: { tier: null } }, spec: { template: { spec: { nodeSelector: { a: 'b', c: null } } } } };
    applyMergePatch(doc, patch);
    expect(doc).toEqual(deployment());
    expect(patch.spec.template.spec.nodeSelector).toEqual({ a: 'b', c: null });
  });
});
