import { describe, expect, it } from 'vitest';
import { newTestCluster, type TestCluster } from '../../testing/testCluster';
import { finishPod, mergePatch } from '../job/testkit';

const cronYaml = (extra = '') => `apiVersion: batch/v1
kind: CronJob
metadata: {name: hello}
spec:
  schedule: "*/1 * * * *"
${extra}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: main, image: busybox}]
`;

const M0 = Date.UTC(2025, 0, 1) / 60_000;
const jobNames = (t: TestCluster) =>
  t
    .list('jobs')
    .map((j) => j.metadata.name!)
    .sort();

/** Completes every running pod of the CronJob's jobs, as a kubelet would after a short run. */
function completeRunningPods(t: TestCluster): void {
  for (const p of t.pods()) if (p.status?.phase === 'Pending' && !p.metadata.deletionTimestamp) finishPod(t, p.metadata.name!, 0);
}

describe('cronjob-controller scenarios', () => {
  it('*/1 creates a job every simulated minute and keeps the 3 newest successful ones', () => {
    const t = newTestCluster({ controllers: ['job-controller', 'cronjob-controller', 'garbage-collector-controller'] });
    t.apply(cronYaml());
    expect(jobNames(t)).toEqual([]);
    const T0 = M0 * 60_000;
    for (let i = 1; i <= 5; i++) {
      // the controller wakes 100 ms after each fire time
      t.clock.advanceTo(T0 + i * 60_000 + 100);
      expect(t.get('jobs', `hello-${M0 + i}`)).toBeDefined();
      t.clock.advanceTo(T0 + i * 60_000 + 5_100);
      completeRunningPods(t);
      t.clock.advanceTo(T0 + i * 60_000 + 7_100);
    }
    expect(jobNames(t)).toEqual([`hello-${M0 + 3}`, `hello-${M0 + 4}`, `hello-${M0 + 5}`]);
    const cj = t.get('cronjobs', 'hello')!;
    expect(cj.status.active).toBeUndefined();
    expect(cj.status.lastScheduleTime).toBe('2025-01-01T00:05:00Z');
    expect(cj.status.lastSuccessfulTime).toBe('2025-01-01T00:05:06Z');
    const job = t.get('jobs', `hello-${M0 + 5}`)!;
    expect(job.metadata.annotations!['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2025-01-01T00:05:00Z');
    expect(job.metadata.ownerReferences![0]).toMatchObject({ kind: 'CronJob', name: 'hello', controller: true });
    const events = t.events('hello');
    expect(events).toContain(`SuccessfulCreate: Created job hello-${M0 + 1}`);
    expect(events).toContain(`SawCompletedJob: Saw completed job: hello-${M0 + 1}, condition: Complete`);
    expect(events).toContain(`SuccessfulDelete: Deleted job hello-${M0 + 1}`);
    // the garbage collector removes the pods of deleted jobs
    expect(t.pods().every((p) => p.metadata.ownerReferences![0]!.name !== `hello-${M0 + 1}`)).toBe(true);
  });

  it('lists the CronJob with its last schedule and active jobs', () => {
    const t = newTestCluster({ controllers: ['job-controller', 'cronjob-controller'] });
    t.apply(cronYaml());
    t.advance('60100ms');
    const def = t.api.registry.get('batch', 'cronjobs')!;
    const row = def.row!(t.get('cronjobs', 'hello')!, t.clock.now());
    expect(row.slice(0, 6)).toEqual(['hello', '*/1 * * * *', '<none>', 'False', 1, '0s']);
  });

  it('Forbid skips runs while the previous job is still active; suspend stops the schedule', () => {
    const t = newTestCluster({ controllers: ['job-controller', 'cronjob-controller'] });
    t.apply(cronYaml('  concurrencyPolicy: Forbid'));
    t.advance('60100ms');
    t.advance('1m');
    expect(jobNames(t)).toEqual([`hello-${M0 + 1}`]);
    expect(t.events('hello')).toContain('JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid');
    mergePatch(t, 'batch/cronjobs', 'hello', { spec: { suspend: true } });
    completeRunningPods(t);
    t.advance('5m');
    expect(jobNames(t)).toEqual([`hello-${M0 + 1}`]);
  });

  it('sleeps until the next fire time instead of polling', () => {
    const t = newTestCluster({ controllers: ['cronjob-controller'] });
    t.apply(cronYaml().replace('"*/1 * * * *"', '"@hourly"'));
    t.settle();
    // one pending timer for the CronJob: the next top of the hour + 100 ms
    expect(t.clock.nextAt()).toBe(Date.UTC(2025, 0, 1, 1, 0, 0, 100));
  });
});
