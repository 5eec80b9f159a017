/** End-to-end with every control loop (scheduler and kubelets included): workloads as a learner runs them. */
import { describe, expect, it } from 'vitest';
import { newTestCluster, type TestCluster } from '../../testing/testCluster';

const row = (t: TestCluster, group: string, plural: string, name: string) => t.api.registry.get(group, plural)!.row!(t.get(plural, name)!, t.clock.now());

describe('workload controllers with the scheduler and kubelets', () => {
  it('the pi Job runs to Complete', () => {
    const t = newTestCluster();
    t.apply(`apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  backoffLimit: 4
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
`);
    t.advance('2m');
    const [status, completions] = row(t, 'batch', 'jobs', 'pi').slice(1, 3);
    expect([status, completions]).toEqual(['Complete', '1/1']);
    const pod = t.pods('job-name=pi')[0]!;
    expect(pod.status.phase).toBe('Succeeded');
    expect(pod.metadata.finalizers).toBeUndefined();
    expect(t.events('pi')).toEqual(expect.arrayContaining([`SuccessfulCreate: Created pod: ${pod.metadata.name}`, 'Completed: Job completed']));
  });

  it('a Job whose container exits 1 fails with BackoffLimitExceeded after exponential back-off', () => {
    const t = newTestCluster();
    t.apply(`apiVersion: batch/v1
kind: Job
metadata: {name: fail}
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox:1.36, command: ["sh", "-c", "exit 1"]}]
`);
    t.advance('3m');
    const job = t.get('jobs', 'fail')!;
    expect(job.status.failed).toBe(3);
    expect(job.status.conditions.map((c: { type: string }) => c.type)).toEqual(['FailureTarget', 'Failed']);
    const created = t
      .pods('job-name=fail')
      .map((p) => Date.parse(p.metadata.creationTimestamp!))
      .sort();
    const gaps = created.slice(1).map((c, i) => (c - created[i]!) / 1000);
    // each replacement waits ≥ 10 s, then ≥ 20 s after the previous failure
    expect(gaps[0]).toBeGreaterThanOrEqual(10);
    expect(gaps[1]).toBeGreaterThanOrEqual(20);
    expect(row(t, 'batch', 'jobs', 'fail')[1]).toBe('Failed');
  });

  it('a StatefulSet comes up in order and a DaemonSet lands on every worker', () => {
    const t = newTestCluster();
    t.apply(`apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 3
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec: {containers: [{name: nginx, image: "nginx:1.27"}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: "nginx:1.27"}]}
`);
    t.advance('1m');
    const pods = t.pods('app=nginx');
    expect(pods.map((p) => p.metadata.name).sort()).toEqual(['web-0', 'web-1', 'web-2']);
    const start = (n: string) => Date.parse(pods.find((p) => p.metadata.name === n)!.metadata.creationTimestamp!);
    expect(start('web-0')).toBeLessThan(start('web-1'));
    expect(start('web-1')).toBeLessThan(start('web-2'));
    expect(row(t, 'apps', 'statefulsets', 'web')[1]).toBe('3/3');
    expect(
      t
        .pods('app=agent')
        .map((p) => p.spec.nodeName)
        .sort(),
    ).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(row(t, 'apps', 'daemonsets', 'agent').slice(1, 6)).toEqual([3, 3, 3, 3, 3]);
  });

  it('a CronJob runs a job every minute and keeps three', () => {
    const t = newTestCluster();
    t.apply(`apiVersion: batch/v1
kind: CronJob
metadata: {name: hello}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: hello, image: busybox:1.28, command: ["/bin/sh", "-c", "date; echo Hello"]}]
`);
    t.advance('5m30s');
    const jobs = t.list('jobs', undefined, 'default');
    expect(jobs).toHaveLength(3);
    expect(jobs.every((j) => row(t, 'batch', 'jobs', j.metadata.name!)[1] === 'Complete')).toBe(true);
    const cj = t.get('cronjobs', 'hello')!;
    expect(cj.status.lastScheduleTime).toBe('2025-01-01T00:05:00Z');
    expect(t.events('hello').filter((e) => e.startsWith('SuccessfulDelete'))).toHaveLength(2);
  });
});
