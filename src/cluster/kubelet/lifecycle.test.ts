/**
 * Golden tests of the stage interpreter (KWOK-style): each case runs a pod through the default
 * stages with seed 1 and compares the trace — stages fired, events recorded — and the resulting
 * status with `__golden__/<case>.txt`. Times are relative to the pod's arrival (`+2.5s`).
 * Refresh the files after an intended change with `npx vitest run -u src/cluster/kubelet`.
 */
import { describe, expect, it } from 'vitest';
import { matches } from './lifecycle';
import { defaultStages } from './stages';
import type { Stage } from './stages/types';
import { run, T0, testPod, type Run } from './testing';

function golden(r: Run): string {
  return `${r.lines.join('\n')}\n--- status at +${(r.now - T0) / 1000}s\n${r.summary()}${r.deleted ? '\n--- pod deleted (grace 0)' : ''}\n`;
}

const pod = (spec: string, meta = 'metadata: {name: web}') => testPod(`${meta}\nspec:\n${spec}`);

describe('pod lifecycle (golden)', () => {
  it('pulls an image, starts the container and becomes Ready after the readiness probe', async () => {
    const r = run(pod(`  containers:\n  - name: nginx\n    image: nginx:1.27\n    readinessProbe: {httpGet: {path: /, port: 80}}`));
    r.until(30_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/pull-start-ready.txt');
  });

  it('starts a container whose image is already on the node without pulling', async () => {
    const r = run(pod(`  containers:\n  - {name: pause, image: "registry.k8s.io/pause:3.10", imagePullPolicy: IfNotPresent}`));
    r.until(10_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/cached-image.txt');
  });

  it('restarts a failing container with CrashLoopBackOff delays of 10 s, 20 s, 40 s, 80 s', async () => {
    const r = run(pod(`  containers:\n  - {name: app, image: "busybox:1.36", command: [sh, -c, "echo boom; exit 1"]}`));
    r.until(200_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/crashloop.txt');
  });

  it('backs off pulling an image tag that does not exist', async () => {
    const r = run(pod(`  containers:\n  - {name: nginx, image: "nginx:nope"}`));
    r.until(90_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/image-pull-backoff.txt');
  });

  it('completes `sleep 5` with restartPolicy Never: Succeeded', async () => {
    const r = run(pod(`  restartPolicy: Never\n  containers:\n  - {name: sleeper, image: "busybox:1.36", command: [sleep, "5"]}`));
    r.until(20_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/sleep-never.txt');
  });

  it('restarts on failure only with restartPolicy OnFailure', async () => {
    const r = run(pod(`  restartPolicy: OnFailure\n  containers:\n  - {name: job, image: "busybox:1.36", command: [sh, -c, "exit 2"]}`));
    r.until(15_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/onfailure.txt');
  });

  it('runs init containers in order and starts a native sidecar before the next one', async () => {
    const r = run(
      pod(
        [
          '  initContainers:',
          '  - {name: init-db, image: "busybox:1.36", command: [sh, -c, "sleep 2"]}',
          '  - {name: proxy, image: "nginx:1.27", restartPolicy: Always, startupProbe: {httpGet: {port: 80}, periodSeconds: 2}}',
          '  - {name: migrate, image: "busybox:1.36", command: [sh, -c, "echo migrating; sleep 3"]}',
          '  containers:',
          '  - {name: app, image: "redis:7.4", readinessProbe: {exec: {command: [redis-cli, ping]}, periodSeconds: 5}}',
        ].join('\n'),
      ),
    );
    r.until(25_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/init-sidecar.txt');
  });

  it('restarts a container whose liveness probe fails (the docs\' exec example)', async () => {
    const r = run(
      pod(
        '  containers:\n  - name: liveness\n    image: registry.k8s.io/busybox\n    args: [/bin/sh, -c, "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]\n    livenessProbe: {exec: {command: [cat, /tmp/healthy]}, initialDelaySeconds: 5, periodSeconds: 5}',
      ),
    );
    r.until(90_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/liveness-exec.txt');
  });

  it('terminates gracefully on deletion: SIGTERM ignored by sh, SIGKILL after 30 s, then deletes the pod', async () => {
    const r = run(pod(`  containers:\n  - {name: app, image: "busybox:1.36", command: [sh, -c, "sleep 3600"]}`));
    r.until(10_000);
    r.change((p) => {
      p.metadata.deletionTimestamp = '2025-01-01T00:00:40Z';
      p.metadata.deletionGracePeriodSeconds = 30;
    });
    r.until(60_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/delete-grace.txt');
  });

  it('runs the preStop hook and lets nginx exit on its own signal', async () => {
    const r = run(pod(`  containers:\n  - name: nginx\n    image: "nginx:1.27"\n    lifecycle: {preStop: {exec: {command: [sh, -c, "sleep 5"]}}}`));
    r.until(10_000);
    r.change((p) => {
      p.metadata.deletionTimestamp = '2025-01-01T00:00:40Z';
      p.metadata.deletionGracePeriodSeconds = 30;
    });
    r.until(20_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/delete-prestop.txt');
  });

  it('OOM-kills a container whose memory use passes its limit', async () => {
    const r = run(pod(`  containers:\n  - name: stress\n    image: polinux/stress\n    command: [stress]\n    args: [--vm, "1", --vm-bytes, 250M, --vm-hang, "1"]\n    resources: {limits: {memory: 100Mi}}`));
    r.until(30_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/oom.txt');
  });

  it('kills a container whose startup probe keeps failing (slow-start fault)', async () => {
    const r = run(
      pod(
        '  containers:\n  - name: nginx\n    image: "nginx:1.27"\n    startupProbe: {httpGet: {port: 80}, periodSeconds: 5, failureThreshold: 3}',
        'metadata: {name: web, annotations: {kubeplay.dev/fault: slow-start, kubeplay.dev/startup-seconds: "60"}}',
      ),
    );
    r.until(60_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/startup-probe.txt');
  });

  it('keeps a pod unready while its readiness probe fails (not-ready fault)', async () => {
    const r = run(
      pod(
        '  containers:\n  - name: nginx\n    image: "nginx:1.27"\n    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}',
        'metadata: {name: web, annotations: {kubeplay.dev/fault: not-ready}}',
      ),
    );
    r.until(25_000);
    r.change((p) => delete p.metadata.annotations!['kubeplay.dev/fault']);
    r.until(40_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/not-ready.txt');
  });

  it('restarts a hung container through its liveness probe (hang fault)', async () => {
    const r = run(
      pod(
        '  containers:\n  - name: nginx\n    image: "nginx:1.27"\n    livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}',
        'metadata: {name: web, annotations: {kubeplay.dev/fault: hang}}',
      ),
    );
    r.until(80_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/hang.txt');
  });

  it('fails a pod that outlives activeDeadlineSeconds', async () => {
    const r = run(pod(`  activeDeadlineSeconds: 10\n  containers:\n  - {name: app, image: "nginx:1.27"}`));
    r.until(20_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/active-deadline.txt');
  });

  it('reports ErrImageNeverPull for a missing image with imagePullPolicy Never', async () => {
    const r = run(pod(`  containers:\n  - {name: app, image: "nginx:1.27", imagePullPolicy: Never}`));
    r.until(20_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/never-pull.txt');
  });

  it('reports StartError when the command is not in the image', async () => {
    const r = run(pod(`  containers:\n  - {name: app, image: "alpine:3.21", command: [bash, -c, "echo hi"]}`));
    r.until(20_000);
    await expect(golden(r)).toMatchFileSnapshot('__golden__/start-error.txt');
  });
});

describe('determinism', () => {
  it('gives the same trace for the same seed and a different one for another seed', () => {
    const trace = (seed: number) => {
      const r = run(pod(`  containers:\n  - {name: nginx, image: "nginx:1.27"}`), { seed });
      r.until(30_000);
      return golden(r);
    };
    expect(trace(7)).toBe(trace(7));
    expect(trace(7)).not.toBe(trace(8));
  });
});

describe('the stage interpreter', () => {
  it('matches a selector when every key has one of the listed values', () => {
    expect(matches({ state: ['Running'], kill: [''] }, { state: 'Running', kill: '' })).toBe(true);
    expect(matches({ state: ['Running'], kill: [''] }, { state: 'Running', kill: 'liveness' })).toBe(false);
    expect(matches({}, { state: 'Running' })).toBe(true);
  });

  it('runs a lesson\'s own stages: a slower runtime that takes 5 s to start containers', () => {
    const slow: Stage[] = defaultStages.map((s) => (s.name === 'container-start' ? { ...s, delay: { ms: 5000 } } : s));
    const r = run(pod(`  containers:\n  - {name: pause, image: "registry.k8s.io/pause:3.10", imagePullPolicy: IfNotPresent}`), { stages: slow });
    r.until(20_000);
    const at = (name: string) => r.lines.find((l) => l.endsWith(name))!.split(' ')[0];
    expect(Number.parseFloat(at('container-start').slice(1)) - Number.parseFloat(at('image-present').slice(1))).toBeCloseTo(5, 3);
  });

  it('fires the stage due first when several match, and drops a pending stage that stops matching', () => {
    // A running container due to exit in an hour is stopped at once when the pod is deleted.
    const r = run(pod(`  containers:\n  - {name: app, image: "busybox:1.36", command: [sleep, "3600"]}`));
    r.until(5000);
    expect(r.sim.containers[0].due?.stage.name).toBe('container-exit');
    r.change((p) => {
      p.metadata.deletionTimestamp = '2025-01-01T00:00:35Z';
      p.metadata.deletionGracePeriodSeconds = 30;
    });
    expect(r.lines.slice(-4)).toEqual(['+5s (pod changed)', '+5s pod: pod-terminate', '+5s app: container-stop-for-pod', '    Normal Killing: Stopping container app']);
    expect(r.sim.containers[0].state).toBe('Stopping');
  });
});
