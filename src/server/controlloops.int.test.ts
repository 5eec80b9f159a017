/**
 * Real kubectl 1.32 against the whole control plane (scheduler, controllers, kubelets) running on
 * simulated time at 30× wall time: the workflows a learner follows on a real cluster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, startHarness, type Harness } from './testing/harness';

const kubectlPath = findKubectl();
if (!kubectlPath) console.warn('SKIPPED: real kubectl not found — the control-loop kubectl suite did not run');

const DEPLOY = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
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

describe.skipIf(!kubectlPath)('real kubectl drives the control loops', () => {
  let h: Harness;
  const k = (...args: string[]) => h.kubectl(args);
  /** Polls `probe` until it returns true (wall-clock bound; simulated time runs 30× faster). */
  const until = async (probe: () => Promise<boolean>, ms = 60_000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await probe()) return;
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error('condition not met in time');
  };
  const podsOn = async (node: string) =>
    (await k('get', 'pods', '-l', 'app=web', '--field-selector', `spec.nodeName=${node}`, '-o', 'name')).stdout.trim();

  beforeAll(async () => {
    h = await startHarness({ empty: true, speed: 30 });
  });
  afterAll(async () => h?.stop());

  it('apply, then rollout status reports the rollout finished', async () => {
    expect((await k('apply', '-f', h.file('web.yaml', DEPLOY('nginx:1.27')))).stdout).toBe('deployment.apps/web created\n');
    const r = await h.kubectl(['rollout', 'status', 'deploy/web', '--timeout=90s'], undefined, 100_000);
    expect(r.stdout.trim().split('\n').pop()).toBe('deployment "web" successfully rolled out');
    const pods = (await k('get', 'pods', '-l', 'app=web', '--no-headers')).stdout.trim().split('\n');
    expect(pods).toHaveLength(3);
    for (const line of pods) expect(line).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5} +1\/1 +Running +0 /);
  });

  it('scale adds pods that become Running', async () => {
    expect((await k('scale', 'deploy/web', '--replicas=5')).stdout).toBe('deployment.apps/web scaled\n');
    await until(async () => (await k('get', 'deploy', 'web', '-o', 'jsonpath={.status.readyReplicas}')).stdout === '5');
  });

  it('set image rolls out a new revision; history lists both; undo rolls back', async () => {
    expect((await k('set', 'image', 'deploy/web', 'nginx=nginx:1.28')).stdout).toBe('deployment.apps/web image updated\n');
    const r = await h.kubectl(['rollout', 'status', 'deploy/web', '--timeout=90s'], undefined, 100_000);
    expect(r.stdout).toContain('deployment "web" successfully rolled out');
    expect((await k('rollout', 'history', 'deploy/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect((await k('rollout', 'undo', 'deploy/web')).stdout).toBe('deployment.apps/web rolled back\n');
    await h.kubectl(['rollout', 'status', 'deploy/web', '--timeout=90s'], undefined, 100_000);
    expect((await k('get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).stdout).toBe('nginx:1.27');
    expect((await k('rollout', 'history', 'deploy/web')).stdout).toContain('2         <none>\n3         <none>');
  });

  it('logs show what the container printed', async () => {
    const pod = (await k('get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}')).stdout;
    const logs = await k('logs', pod);
    expect(logs.code).toBe(0);
    expect(logs.stdout).toContain('/docker-entrypoint.sh');
  });

  it('cordon, drain and uncordon a node; taint another', async () => {
    expect((await k('cordon', 'worker-1')).stdout).toBe('node/worker-1 cordoned\n');
    expect((await k('get', 'node', 'worker-1', '--no-headers')).stdout).toMatch(/^worker-1 +Ready,SchedulingDisabled /);
    const d = await h.kubectl(['drain', 'worker-1', '--ignore-daemonsets', '--timeout=90s'], undefined, 100_000);
    expect(d.stdout).toContain('node/worker-1 drained');
    await until(async () => (await podsOn('worker-1')) === '');
    await until(async () => (await k('get', 'deploy', 'web', '-o', 'jsonpath={.status.readyReplicas}')).stdout === '5');
    expect((await k('uncordon', 'worker-1')).stdout).toBe('node/worker-1 uncordoned\n');
    expect((await k('taint', 'node', 'worker-2', 'dedicated=db:NoSchedule')).stdout).toBe('node/worker-2 tainted\n');
    expect((await k('taint', 'node', 'worker-2', 'dedicated-')).stdout).toBe('node/worker-2 untainted\n');
  });

  it('a Job runs to completion and its logs are readable', async () => {
    const job = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: hello\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox:1.36\n        command: ["sh", "-c", "echo hello from the job"]\n';
    expect((await k('apply', '-f', h.file('job.yaml', job))).stdout).toBe('job.batch/hello created\n');
    const w = await h.kubectl(['wait', '--for=condition=complete', 'job/hello', '--timeout=90s'], undefined, 100_000);
    expect(w.stdout).toBe('job.batch/hello condition met\n');
    expect((await k('get', 'job', 'hello', '--no-headers')).stdout).toMatch(/^hello +Complete +1\/1 /);
    expect((await k('logs', 'job/hello')).stdout).toBe('hello from the job\n');
  });

  it('a node that goes down turns NotReady, its pods move elsewhere, and it recovers', async () => {
    const victim = 'worker-3';
    await until(async () => (await podsOn(victim)) !== '');
    expect((await k('annotate', 'node', victim, 'kubeplay.dev/fault=down')).stdout).toBe(`node/${victim} annotated\n`);
    // 50 s node-monitor grace period, then NotReady (Ready=Unknown) and the unreachable taints.
    await until(async () => /NotReady/.test((await k('get', 'node', victim, '--no-headers')).stdout), 30_000);
    expect((await k('get', 'node', victim, '-o', 'jsonpath={.spec.taints[*].key}')).stdout).toContain('node.kubernetes.io/unreachable');
    // 300 s of toleration later the pods are evicted (Terminating: the dead kubelet cannot confirm,
    // exactly as on a real cluster) and replaced on healthy nodes.
    const stuck = async () =>
      (await k('get', 'pods', '-l', 'app=web', '--field-selector', `spec.nodeName=${victim}`, '--no-headers')).stdout.trim().split('\n').filter(Boolean);
    await until(async () => {
      const rows = await stuck();
      return rows.length > 0 && rows.every((r) => /Terminating/.test(r));
    }, 60_000);
    await until(async () => (await k('get', 'deploy', 'web', '-o', 'jsonpath={.status.readyReplicas}')).stdout === '5', 60_000);
    expect((await k('annotate', 'node', victim, 'kubeplay.dev/fault-')).stdout).toBe(`node/${victim} annotated\n`);
    await until(async () => /^worker-3 +Ready /.test((await k('get', 'node', victim, '--no-headers')).stdout), 30_000);
    // Back in touch, the kubelet finishes the terminations and the old pods disappear.
    await until(async () => (await stuck()).length === 0, 30_000);
  });
});
