/**
 * Real kubectl 1.32 against a throwaway loopback server that serves /version, legacy discovery and the
 * /openapi/v3 endpoints built by this module: `kubectl explain` must render upstream descriptions, and
 * `kubectl apply --dry-run=client` must pass its OpenAPI-backed validation step.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiV3DocumentJSON, openapiV3Index } from './index';
import { SAMPLE_RESOURCES } from './testing';
import type { OpenAPIResource } from './types';

const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));
if (!KUBECTL) console.warn('openapi.int.test.ts: kubectl not found — skipping the kubectl integration tests');

const NOT_FOUND = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 };

function discovery(path: string, resources: OpenAPIResource[]): unknown {
  if (path === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:0' }] };
  if (path === '/apis') {
    const groups = [...new Set(resources.filter((r) => r.group).map((r) => `${r.group}/${r.version}`))].sort();
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groups.map((gv) => {
        const [name, version] = gv.split('/');
        return { name, versions: [{ groupVersion: gv, version }], preferredVersion: { groupVersion: gv, version } };
      }),
    };
  }
  const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
  if (!m) return undefined;
  const [group, version] = m[1] ? ['', m[1]] : [m[2], m[3]];
  const mine = resources.filter((r) => r.group === group && r.version === version);
  if (!mine.length) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: mine.flatMap((r) => [
      { name: r.plural, singularName: r.kind.toLowerCase(), namespaced: r.namespaced, kind: r.kind, verbs: r.verbs },
      ...r.subresources.map((s) => ({ name: `${r.plural}/${s}`, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: ['get', 'patch', 'update'] })),
    ]),
  };
}

describe.skipIf(!KUBECTL)('kubectl 1.32 against /openapi/v3', () => {
  let server: http.Server;
  let dir: string;
  const requests: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(`${req.method} ${url.pathname}`);
      const send = (code: number, body: unknown) => {
        res.writeHead(code, { 'Content-Type': 'application/json' });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      if (url.pathname === '/version') return send(200, { major: '1', minor: '32', gitVersion: 'v1.32.4', platform: 'linux/amd64' });
      if (url.pathname === '/openapi/v3') return send(200, openapiV3Index(SAMPLE_RESOURCES));
      if (url.pathname.startsWith('/openapi/v3/')) {
        const doc = openapiV3DocumentJSON(SAMPLE_RESOURCES, url.pathname);
        return doc ? send(200, doc) : send(404, NOT_FOUND);
      }
      const d = discovery(url.pathname, SAMPLE_RESOURCES);
      return d ? send(200, d) : send(404, NOT_FOUND);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    dir = mkdtempSync(join(tmpdir(), 'kubeplay-openapi-'));
    writeFileSync(
      join(dir, 'kubeconfig'),
      [
        'apiVersion: v1',
        'kind: Config',
        `clusters: [{name: t, cluster: {server: "http://127.0.0.1:${port}"}}]`,
        'users: [{name: t, user: {}}]',
        'contexts: [{name: t, context: {cluster: t, user: t, namespace: default}}]',
        'current-context: t',
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Runs kubectl asynchronously (the server lives in this process) with its own kubeconfig and cache. */
  function kubectl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        KUBECTL!,
        [...args, '--cache-dir', join(dir, 'cache')],
        { env: { ...process.env, KUBECONFIG: join(dir, 'kubeconfig') }, timeout: 60_000 },
        (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  it('explain deployment.spec.replicas prints the upstream FIELD/DESCRIPTION layout', async () => {
    const r = await kubectl('explain', 'deployment.spec.replicas');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: replicas <integer>',
        '',
        '',
        'DESCRIPTION:',
        '    Number of desired pods. This is a pointer to distinguish between explicit',
        '    zero and not specified. Defaults to 1.',
        '    ',
        '',
        '',
      ].join('\n'),
    );
  });

  it('explain pods.spec.containers lists the Container fields with types and -required-', async () => {
    const r = await kubectl('explain', 'pods.spec.containers');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('KIND:       Pod\nVERSION:    v1\n');
    expect(r.stdout).toContain('FIELD: containers <[]Container>');
    expect(r.stdout).toContain('DESCRIPTION:\n    List of containers belonging to the pod.');
    expect(r.stdout).toContain('FIELDS:\n  args\t<[]string>\n');
    expect(r.stdout).toContain('  name\t<string> -required-\n');
    expect(r.stdout).toContain('  imagePullPolicy\t<string>\n  enum: Always, IfNotPresent, Never\n');
    expect(r.stdout).toContain('  resources\t<ResourceRequirements>\n');
  });

  it('explain shows Quantity maps and rejects unknown fields', async () => {
    const ok = await kubectl('explain', 'pods.spec.containers.resources.limits');
    expect(ok.stdout).toContain('FIELD: limits <map[string]Quantity>');
    const bad = await kubectl('explain', 'deployment.spec.replicasx');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('error: field "replicasx" does not exist');
  });

  it('apply --dry-run=client validates against /openapi/v3 and succeeds', async () => {
    const manifest = join(dir, 'deployment.yaml');
    writeFileSync(
      manifest,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: web}',
        'spec:',
        '  replicas: 2',
        '  selector: {matchLabels: {app: web}}',
        '  template:',
        '    metadata: {labels: {app: web}}',
        '    spec:',
        '      containers:',
        '      - name: nginx',
        '        image: nginx:1.27',
        '        ports: [{containerPort: 80}]',
        '        resources: {limits: {cpu: 500m, memory: 128Mi}}',
        '',
      ].join('\n'),
    );
    requests.length = 0;
    const r = await kubectl('apply', '--dry-run=client', '-f', manifest, '-o', 'name');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('deployment.apps/web\n');
    expect(requests).toContain('GET /openapi/v3');
    expect(requests).toContain('GET /openapi/v3/apis/apps/v1');
  });
});
