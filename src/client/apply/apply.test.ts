/**
 * applyDocuments and applyEdit against the real API server core (no controllers): the outcomes
 * and messages kubectl prints, the requests it makes, and the conflict rules of live edits.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster/cluster';
import { applyDocuments } from './apply';
import { applyEdit } from './applyEdit';
import { Discovery } from './discovery';
import { LAST_APPLIED } from './lastApplied';
import type { ApplyRestRequest, JsonMap, RestFn } from './types';
import { parseManifests } from './yamlDocs';

let cluster: Cluster;
let sent: ApplyRestRequest[];
let rest: RestFn;

beforeEach(() => {
  cluster = createCluster({ seed: 1, controllers: 'none', empty: true });
  sent = [];
  rest = async (req) => {
    sent.push(req);
    const r = cluster.rest(req);
    if (r.kind !== 'reply') throw new Error('unexpected stream');
    return r;
  };
});

const docs = (yaml: string) => parseManifests(yaml).docs.map((d) => d.value);

const deployment = (replicas: number, image = 'nginx:1.27') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

const get = async (path: string) => JSON.parse((await rest({ method: 'GET', path, query: {} })).body ?? '{}') as JsonMap;

describe('applyDocuments', () => {
  it('creates, configures, then finds nothing to do', async () => {
    const [a] = await applyDocuments(rest, docs(deployment(3)), { source: 'web.yaml' });
    expect(a).toMatchObject({ outcome: 'created', message: 'deployment.apps/web created' });
    const post = sent.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/apis/apps/v1/namespaces/default/deployments');
    expect(post.query).toEqual({ fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict' });
    const [b] = await applyDocuments(rest, docs(deployment(5)));
    expect(b).toMatchObject({ outcome: 'configured', message: 'deployment.apps/web configured' });
    expect(((await get('/apis/apps/v1/namespaces/default/deployments/web')).spec as JsonMap).replicas).toBe(5);
    sent = [];
    const [c] = await applyDocuments(rest, docs(deployment(5)));
    expect(c).toMatchObject({ outcome: 'unchanged', message: 'deployment.apps/web unchanged' });
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('applies each document of a multi-document file and reports each', async () => {
    const text = `${deployment(1)}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n---\napiVersion: v1\nkind: Widget\nmetadata:\n  name: w\n`;
    const r = await applyDocuments(rest, docs(text), { source: 'all.yaml' });
    expect(r.map((x) => x.outcome)).toEqual(['created', 'created', 'error']);
    expect(r[1].message).toBe('service/web created');
    expect(r[2].message).toBe('error: resource mapping not found for name: "w" namespace: "" from "all.yaml": no matches for kind "Widget" in version "v1"\nensure CRDs are installed first');
  });

  it('reports validation errors the way kubectl prints them, with the Status', async () => {
    const bad = deployment(1).replace('  selector:\n    matchLabels: {app: web}\n', '');
    const [r] = await applyDocuments(rest, docs(bad), { source: 'web.yaml' });
    expect(r.outcome).toBe('error');
    expect(r.status?.reason).toBe('Invalid');
    expect(r.status?.details?.causes?.map((c) => c.field)).toContain('spec.selector');
    expect(r.message.startsWith('The Deployment "web" is invalid: \n* spec.selector: Required value')).toBe(true);
  });

  it('rejects unknown fields (fieldValidation=Strict) and changes nothing', async () => {
    const [r] = await applyDocuments(rest, docs(deployment(1).replace('  replicas: 1', '  replicas: 1\n  replicaz: 2')), { source: 'web.yaml' });
    expect(r.outcome).toBe('error');
    expect(r.message).toContain('strict decoding error: unknown field "spec.replicaz"');
    expect((await rest({ method: 'GET', path: '/apis/apps/v1/namespaces/default/deployments/web', query: {} })).status).toBe(404);
  });

  it('names the namespace that does not exist', async () => {
    const [r] = await applyDocuments(rest, docs('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: nope\n'), { source: 'c.yaml' });
    expect(r.message).toBe('Error from server (NotFound): error when creating "c.yaml": namespaces "nope" not found');
  });

  it('server dry run changes nothing and says so', async () => {
    const [r] = await applyDocuments(rest, docs(deployment(1)), { dryRun: 'server' });
    expect(r.message).toBe('deployment.apps/web created (server dry run)');
    expect(sent.find((x) => x.method === 'POST')?.query.dryRun).toBe('All');
    expect((await rest({ method: 'GET', path: '/apis/apps/v1/namespaces/default/deployments/web', query: {} })).status).toBe(404);
  });

  it('warns when taking over an object created without apply', async () => {
    await rest({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', query: {}, contentType: 'application/json', body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"1"}}' });
    const [r] = await applyDocuments(rest, docs('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "2"\n'));
    expect(r.outcome).toBe('configured');
    expect(r.warnings[0]).toContain('is missing the kubectl.kubernetes.io/last-applied-configuration annotation');
  });
});

describe('applyEdit (a buffer opened from a live object)', () => {
  const path = '/apis/apps/v1/namespaces/default/deployments/web';
  const discovery = () => new Discovery(rest);
  const edit = (o: JsonMap, f: (spec: JsonMap) => void): JsonMap => {
    const c = structuredClone(o);
    f(c.spec as JsonMap);
    return c;
  };
  const scaleElsewhere = (n: number) =>
    rest({ method: 'PATCH', path, query: {}, contentType: 'application/merge-patch+json', body: JSON.stringify({ spec: { replicas: n } }) });

  it('applies an edit, deletes what was deleted, and keeps the annotation in step', async () => {
    await applyDocuments(rest, docs(deployment(3)));
    const base = await get(path);
    const edited = edit(base, (s) => {
      s.replicas = 4;
      delete s.revisionHistoryLimit;
    });
    const r = await applyEdit(rest, discovery(), { edited, base }, { source: 'web' });
    expect(r).toMatchObject({ outcome: 'configured', message: 'deployment.apps/web configured' });
    const live = await get(path);
    expect((live.spec as JsonMap).replicas).toBe(4);
    const annotation = JSON.parse(((live.metadata as JsonMap).annotations as JsonMap)[LAST_APPLIED] as string) as JsonMap;
    expect((annotation.spec as JsonMap).replicas).toBe(4);
  });

  it('status-only changes since opening are not conflicts', async () => {
    await applyDocuments(rest, docs(deployment(3)));
    const base = await get(path);
    await rest({ method: 'PATCH', path: `${path}/status`, query: {}, contentType: 'application/merge-patch+json', body: '{"status":{"replicas":1}}' });
    const r = await applyEdit(rest, discovery(), { edited: edit(base, (s) => (s.replicas = 2)), base });
    expect(r.outcome).toBe('configured');
  });

  it('a change elsewhere is a 409 conflict; overwrite applies anyway', async () => {
    await applyDocuments(rest, docs(deployment(3)));
    const base = await get(path);
    await scaleElsewhere(7);
    const edited = edit(base, (s) => ((s.template as JsonMap).metadata = { labels: { app: 'web', v: '2' } }));
    const r = await applyEdit(rest, discovery(), { edited, base });
    expect(r).toMatchObject({ outcome: 'error', conflict: true });
    expect(r.status?.reason).toBe('Conflict');
    expect(((await get(path)).spec as JsonMap).replicas).toBe(7);
    const again = await applyEdit(rest, discovery(), { edited, base, overwrite: true });
    expect(again.outcome).toBe('configured');
    const live = await get(path);
    expect((live.spec as JsonMap).replicas).toBe(3);
  });
});
