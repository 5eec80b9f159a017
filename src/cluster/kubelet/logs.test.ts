import { describe, expect, it } from 'vitest';
import { newTestCluster } from '../testing/testCluster';
import { createLogProvider, logsFor, type LogQuery } from './logs';
import { piDigits } from './pi';

function world() {
  const t = newTestCluster({ controllers: ['kubelet'] });
  const mk = (name: string, spec: string) => t.apply(`apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  nodeName: worker-1\n${spec}`);
  mk('web', '  containers:\n  - name: nginx\n    image: nginx:1.27\n    readinessProbe: {httpGet: {path: /, port: 80}}');
  mk('counter', '  containers:\n  - {name: count, image: busybox:1.28, args: [/bin/sh, -c, "i=0; while true; do echo \\"$i: $(date)\\"; i=$((i+1)); sleep 1; done"]}');
  mk('pi', '  restartPolicy: Never\n  containers:\n  - {name: pi, image: "perl:5.34.0", command: [perl, -Mbignum=bpi, -wle, "print bpi(2000)"]}');
  mk('two', '  containers:\n  - {name: a, image: "registry.k8s.io/pause:3.10"}\n  - {name: b, image: "registry.k8s.io/pause:3.10"}');
  mk('bad', '  containers:\n  - {name: nginx, image: "nginx:nope"}');
  mk('crash', '  containers:\n  - {name: app, image: "busybox:1.36", command: [sh, -c, "echo starting; sleep 1; echo dying; exit 1"]}');
  t.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: pending}\nspec:\n  containers:\n  - {name: app, image: nginx}');
  t.advance('60s');
  const logs = (name: string, q: LogQuery = {}) => logsFor(t.get('pods', name)!, q, t.clock.now());
  return { t, logs };
}

const { t, logs } = world();

describe('container logs', () => {
  it('prints the nginx startup lines and the kubelet\'s probe requests', () => {
    const r = logs('web');
    expect(r.ok).toBe(true);
    const text = r.ok ? r.text : '';
    expect(text.split('\n')[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(text).toMatch(/\[notice\] 1#1: nginx\/1\.27\.3\n/);
    expect(text).toMatch(/^10\.244\.1\.1 - - \[01\/Jan\/2025:00:00:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "kube-probe\/1\.32" "-"$/m);
  });

  it('prints echo output at its simulated times, with --timestamps and --tail', () => {
    const r = logs('counter', { tailLines: 2, timestamps: true });
    const lines = r.ok ? r.text.split('\n').filter(Boolean) : [];
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(/^2025-01-01T00:0\d:\d\d\.000000000Z (\d+): Wed Jan  1 00:0\d:\d\d UTC 2025$/);
    const [a, b] = lines.map((l) => Number(/Z (\d+):/.exec(l)![1]));
    expect(b).toBe(a + 1);
  });

  it('filters by --since', () => {
    const r = logs('counter', { sinceSeconds: 5 });
    expect(r.ok && r.text.split('\n').filter(Boolean).length).toBeLessThanOrEqual(6);
  });

  it('prints the digits of pi for the docs\' Job', () => {
    expect(logs('pi')).toEqual({ ok: true, text: `${piDigits(2000)}\n` });
  });

  it('asks for a container name when the pod has several', () => {
    expect(logs('two')).toMatchObject({ ok: false, code: 400, message: 'a container name must be specified for pod two, choose one of: [a b]' });
    expect(logs('two', { container: 'zz' })).toMatchObject({ ok: false, message: 'container zz is not valid for pod two' });
  });

  it('explains a container that has not started', () => {
    expect(logs('bad')).toMatchObject({
      ok: false,
      code: 400,
      message: expect.stringMatching(/^container "nginx" in pod "bad" is waiting to start: (trying and failing to pull image|image can't be pulled)$/),
    });
  });

  it('has no previous container before a restart', () => {
    expect(logs('web', { previous: true })).toMatchObject({ ok: false, message: 'previous terminated container "nginx" in pod "web" not found' });
  });

  it('shows the previous instance of a crashing container', () => {
    expect(logs('crash', { previous: true })).toEqual({ ok: true, text: 'starting\ndying\n' });
  });

  it('returns nothing for a pod that has no node yet', () => {
    expect(logs('pending')).toEqual({ ok: true, text: '' });
  });

  it('a provider bound to the cluster clock answers at the current time', () => {
    const provider = createLogProvider(t.clock);
    expect(provider.logsFor(t.get('pods', 'pi')!)).toEqual(logs('pi'));
  });
});
