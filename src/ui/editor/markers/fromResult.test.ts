/** API errors land on the YAML line the person has to change. */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../cluster/cluster';
import { applyDocuments, parseManifests, type RestFn, type Status } from '../../../client/apply';
import { clientErrorMarker, explain, statusMarkers, syntaxMarkers } from './fromResult';

const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  a: "1"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  resourceVersion: "42"
spec:
  replicas: -1
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ""
`;

const parsed = parseManifests(text);
const dep = parsed.docs[1];
const invalid = (causes: { field: string; message: string }[]): Status => ({
  kind: 'Status',
  code: 422,
  reason: 'Invalid',
  message: 'Deployment.apps "web" is invalid',
  details: { kind: 'Deployment', name: 'web', causes: causes.map((c) => ({ reason: 'FieldValueInvalid', ...c })) },
});
const lines = (s: Status) => statusMarkers(parsed, dep, s).map((m) => [m.start.line, m.message]);

describe('statusMarkers', () => {
  it('marks the exact node of each cause', () => {
    expect(
      lines(
        invalid([
          { field: 'spec.replicas', message: 'Invalid value: -1: must be greater than or equal to 0' },
          { field: 'spec.template.spec.containers[0].image', message: 'Required value' },
          { field: 'spec.template.metadata.labels', message: 'Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`' },
        ]),
      ),
    ).toEqual([
      [14, 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
      [22, 'spec.template.spec.containers[0].image: Required value'],
      [17, 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
    ]);
  });

  it('marks the nearest ancestor of a missing field', () => {
    expect(lines(invalid([{ field: 'spec.selector', message: 'Required value' }]))).toEqual([[13, 'spec.selector: Required value']]);
  });

  it('finds unknown fields named in strict decoding errors', () => {
    const bad = parseManifests(text.replace('  replicas: -1', '  replicas: 1\n  replicaz: 2'));
    const s: Status = { kind: 'Status', code: 400, reason: 'BadRequest', message: 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicaz"' };
    const m = statusMarkers(bad, bad.docs[1], s);
    expect(m.map((x) => [x.start.line, x.start.col, x.message])).toEqual([[15, 3, 'unknown field "spec.replicaz"']]);
  });

  it('finds type errors', () => {
    const s: Status = { kind: 'Status', code: 400, reason: 'BadRequest', message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32' };
    expect(lines(s)[0][0]).toBe(14);
  });

  it('puts a conflict on resourceVersion and explains it', () => {
    const s: Status = { kind: 'Status', code: 409, reason: 'Conflict', message: 'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again' };
    const [m] = statusMarkers(parsed, dep, s);
    expect(m.start.line).toBe(12);
    expect(m.message).toMatch(/Reload to see their version, or re-apply yours/);
  });

  it('puts quota rejections on the object name, in plain words', () => {
    const s: Status = { kind: 'Status', code: 403, reason: 'Forbidden', message: 'pods "p" is forbidden: exceeded quota: small, requested: cpu=2, used: cpu=0, limited: cpu=1' };
    const [m] = statusMarkers(parsed, dep, s);
    expect(m.start.line).toBe(11);
    expect(m.message).toMatch(/ResourceQuota in this namespace would be exceeded/);
  });
});

describe('syntax and client errors', () => {
  it('reports YAML errors with line and column', () => {
    const bad = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n');
    const [m] = syntaxMarkers(bad);
    expect(m.severity).toBe('error');
    expect(m.start.line).toBeGreaterThanOrEqual(4);
    expect(m.message).toMatch(/^YAML: /);
  });

  it('reports duplicate keys', () => {
    const bad = parseManifests('apiVersion: v1\nkind: ConfigMap\nkind: Secret\n');
    expect(syntaxMarkers(bad)[0].start.line).toBe(3);
  });

  it('puts an unknown kind on the kind line', () => {
    const p = parseManifests('apiVersion: v1\nkind: Widget\nmetadata:\n  name: w\n');
    expect(clientErrorMarker(p, p.docs[0], 'error: resource mapping not found ... no matches for kind "Widget" in version "v1"').start.line).toBe(2);
  });
});

describe('admission refusals in plain words (messages from the cluster itself)', () => {
  const cluster = createCluster({ seed: 1, controllers: 'none', empty: true });
  const rest: RestFn = async (req) => {
    const r = cluster.rest(req);
    if (r.kind !== 'reply') throw new Error('unexpected stream');
    return r;
  };
  const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: guarded
spec:
${extra}  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: 500m
      limits:
        cpu: "2"
`;
  const refusal = async (yaml: string): Promise<Status> => {
    const results = await applyDocuments(rest, parseManifests(yaml).docs.map((d) => d.value));
    const last = results[results.length - 1];
    expect(last.outcome).toBe('error');
    return last.status!;
  };

  it('names the LimitRange, the quota, the missing ServiceAccount and PriorityClass', async () => {
    await applyDocuments(rest, parseManifests(`apiVersion: v1
kind: Namespace
metadata:
  name: guarded
---
apiVersion: v1
kind: LimitRange
metadata:
  name: caps
  namespace: guarded
spec:
  limits:
  - type: Container
    max:
      cpu: "1"
`).docs.map((d) => d.value));
    expect(explain(await refusal(pod('too-big')))).toMatch(/^A LimitRange in this namespace/);
    expect(explain(await refusal(pod('who', '  serviceAccountName: nobody\n')))).toMatch(/names a ServiceAccount that does not exist/);
    expect(explain(await refusal(pod('vip', '  priorityClassName: gold\n')))).toMatch(/name an existing PriorityClass/);
    await applyDocuments(rest, parseManifests(`apiVersion: v1
kind: ResourceQuota
metadata:
  name: q
  namespace: guarded
spec:
  hard:
    requests.memory: 1Gi
`).docs.map((d) => d.value));
    const unset = await refusal(pod('no-memory').replace('limits:\n        cpu: "2"', 'limits:\n        cpu: 500m'));
    expect(unset.message).toMatch(/failed quota: q: must specify/);
    expect(explain(unset)).toMatch(/every container must set them/);
  });
});
