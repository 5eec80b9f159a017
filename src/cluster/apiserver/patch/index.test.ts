import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../api/errors';
import { deepFreeze, type KObject } from '../../api/types';
import { applyPatch, PatchType } from './index';

const deployment = (): KObject =>
  deepFreeze({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '2' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web', 'pod-template-hash': 'x' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', env: [{ name: 'A', value: '1' }] }] },
      },
    },
  });

const lastApplied = '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"}}\n';

describe('applyPatch dispatches on the Content-Type kubectl sends', () => {
  const cases: { name: string; contentType: string; body: unknown; check: (o: KObject) => unknown; want: unknown }[] = [
    {
      name: 'kubectl scale: merge patch of replicas',
      contentType: 'application/merge-patch+json',
      body: { spec: { replicas: 5 } },
      check: (o) => o.spec.replicas,
      want: 5,
    },
    {
      name: 'kubectl apply (client-side): strategic merge patch with $setElementOrder',
      contentType: 'application/strategic-merge-patch+json',
      body: {
        metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied } },
        spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ image: 'nginx:1.28', name: 'nginx' }] } } },
      },
      check: (o) => [o.metadata.annotations, o.spec.template.spec.containers],
      want: [
        { 'deployment.kubernetes.io/revision': '2', 'kubectl.kubernetes.io/last-applied-configuration': lastApplied },
        [{ name: 'nginx', image: 'nginx:1.28', env: [{ name: 'A', value: '1' }] }],
      ],
    },
    {
      name: 'kubectl set env: strategic merge keeps existing env',
      contentType: 'application/strategic-merge-patch+json; charset=utf-8',
      body: { spec: { template: { spec: { containers: [{ name: 'nginx', env: [{ name: 'B', value: '2' }] }] } } } },
      check: (o) => o.spec.template.spec.containers[0].env,
      want: [
        { name: 'B', value: '2' },
        { name: 'A', value: '1' },
      ],
    },
    {
      name: 'kubectl rollout undo: JSON patch replacing template and annotations',
      contentType: 'application/json-patch+json',
      body: [
        { op: 'replace', path: '/spec/template', value: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } },
        { op: 'replace', path: '/metadata/annotations', value: { 'deployment.kubernetes.io/revision': '1' } },
      ],
      check: (o) => [o.spec.template.spec.containers[0].image, o.metadata.annotations],
      want: ['nginx:1.26', { 'deployment.kubernetes.io/revision': '1' }],
    },
    {
      name: 'server-side apply: the configuration merges in (YAML text)',
      contentType: 'application/apply-patch+yaml',
      body: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n',
      check: (o) => [o.spec.replicas, o.spec.template.spec.containers[0].image],
      want: [3, 'nginx:1.27'],
    },
    {
      name: 'server-side apply: a JSON body already parsed',
      contentType: 'application/apply-patch+yaml',
      body: { metadata: { labels: { team: 'a' } } },
      check: (o) => o.metadata.labels,
      want: { app: 'web', team: 'a' },
    },
  ];
  it.each(cases)('$name', ({ contentType, body, check, want }) => {
    expect(check(applyPatch(deployment(), body, contentType, 'Deployment'))).toEqual(want);
  });

  it.each(Object.values(PatchType))('%s leaves the (frozen) input as it was', (contentType) => {
    const doc = deployment();
    const body = contentType === PatchType.JSON ? [{ op: 'add', path: '/metadata/labels/x', value: 'y' }] : { metadata: { labels: { x: 'y' } } };
    const out = applyPatch(doc, body, contentType, 'Deployment');
    expect(out.metadata.labels).toEqual({ app: 'web', x: 'y' });
    expect(doc).toEqual(deployment());
    expect(Object.isFrozen(out)).toBe(false);
  });
});

describe('applyPatch rejects what the apiserver rejects', () => {
  const cases: { name: string; contentType: string; body: unknown; code: number; reason?: string; message: string }[] = [
    {
      name: 'an unsupported content type is a 415',
      contentType: 'application/json',
      body: {},
      code: 415,
      reason: 'UnsupportedMediaType',
      message: 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    },
    {
      name: 'a merge patch that turns the object into a list cannot be decoded',
      contentType: 'application/merge-patch+json',
      body: [1],
      code: 422,
      reason: 'Invalid',
      message: ' "" is invalid: patch: Invalid value: "[1]": couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }',
    },
    {
      name: 'a JSON patch replacing the root with a list cannot be decoded',
      contentType: 'application/json-patch+json',
      body: [{ op: 'replace', path: '', value: [] }],
      code: 422,
      reason: 'Invalid',
      message: ' "" is invalid: patch: Invalid value: "[]": couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }',
    },
    {
      name: 'a JSON patch removing a missing label is the generic 422',
      contentType: 'application/json-patch+json',
      body: [{ op: 'remove', path: '/metadata/labels/nope' }],
      code: 422,
      reason: 'Invalid',
      message: 'the server rejected our request due to an error in our request',
    },
    {
      name: 'an apply configuration that is not YAML is a 400',
      contentType: 'application/apply-patch+yaml',
      body: 'a: [',
      code: 400,
      reason: 'BadRequest',
      message: 'error decoding YAML: ',
    },
    {
      name: 'an apply configuration that is a list is a 400',
      contentType: 'application/apply-patch+yaml',
      body: '- a',
      code: 400,
      reason: 'BadRequest',
      message: 'error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}',
    },
  ];
  it.each(cases)('$name', ({ contentType, body, code, reason, message }) => {
    try {
      applyPatch(deployment(), body, contentType, 'Deployment');
      expect.unreachable();
    } catch (e) {
      const status = (e as ApiError).status;
      expect(status.code).toBe(code);
      expect(status.reason).toBe(reason);
      expect(status.message?.startsWith(message)).toBe(true);
    }
  });
});
