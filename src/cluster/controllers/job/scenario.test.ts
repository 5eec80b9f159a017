import { describe, expect, it } from 'vitest';
import { newTestCluster, type TestCluster } from '../../testing/testCluster';
import { finishPod, mergePatch, podNames, runPod } from './testkit';

const jobYaml = (name: string, extra: string, restartPolicy = 'Never') => `apiVersion: batch/v1
kind: Job
metadata: {name: ${name}}
spec:
${extra}
  template:
    spec:
      restartPolicy: ${restartPolicy}
      containers: [{name: main, image: busybox}]
`;

const jobRow = (t: TestCluster, name: string) => {
  const def = t.api.registry.get('batch', 'jobs')!;
  return def.row!(t.get('jobs', name)!, t.clock.now());
};

describe('job-controller scenarios', () => {
  it('a Job with completions 3 / parallelism 2 runs two pods at a time and completes', () => {
    const t = newTestCluster({ controllers: ['job-controller'] });
    t.apply(jobYaml('pi', '  completions: 3\n  parallelism: 2'));
    let pods = podNames(t);
    expect(pods).toHaveLength(2);
    expect(pods.every((n) => /^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n))).toBe(true);
    const p0 = t.get('pods', pods[0]!)!;
    expect(p0.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(p0.metadata.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi' });
    expect(p0.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'pi', controller: true, blockOwnerDeletion: true });
    expect(t.get('jobs', 'pi')!.status).toMatchObject({ active: 2, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(jobRow(t, 'pi').slice(1, 4)).toEqual(['Running', '0/3', '0s']);

    t.advance('5s');
    runPod(t, pods[0]!);
    runPod(t, pods[1]!);
    t.advance('2s');
    expect(t.get('jobs', 'pi')!.status.ready).toBe(2);

    t.advance('10s');
    finishPod(t, pods[0]!, 0);
    t.advance('1s');
    expect(t.get('pods', pods[0]!)!.metadata.finalizers).toBeUndefined();
    expect(t.get('jobs', 'pi')!.status).toMatchObject({ succeeded: 1, active: 2, uncountedTerminatedPods: {} });
    pods = podNames(t);
    expect(pods).toHaveLength(3);

    const rest = pods.filter((n) => t.get('pods', n)!.status.phase !== 'Succeeded');
    for (const n of rest) runPod(t, n);
    t.advance('20s');
    for (const n of rest) finishPod(t, n, 0);
    t.advance('1s');
    const job = t.get('jobs', 'pi')!;
    expect(job.status.succeeded).toBe(3);
    expect(job.status.active).toBeUndefined();
    expect(job.status.conditions.map((c: { type: string; reason: string }) => `${c.type}/${c.reason}`)).toEqual([
      'SuccessCriteriaMet/CompletionsReached',
      'Complete/CompletionsReached',
    ]);
    expect(job.status.conditions[1].message).toBe('Reached expected number of succeeded pods');
    expect(job.status.completionTime).toBe('2025-01-01T00:00:39Z');
    expect(jobRow(t, 'pi').slice(1, 4)).toEqual(['Complete', '3/3', '39s']);
    const events = t.events('pi');
    expect(events.filter((e) => e.startsWith('SuccessfulCreate: Created pod: pi-'))).toHaveLength(3);
    expect(events[events.length - 1]).toBe('Completed: Job completed');
  });

  it('a failing Job backs off 10s, 20s, 40s… and stops at BackoffLimitExceeded', () => {
    const t = newTestCluster({ controllers: ['job-controller'] });
    t.apply(jobYaml('fail', '  backoffLimit: 3'));
    const created: number[] = [];
    const seen = new Set<string>();
    const start = t.clock.now();
    for (let i = 0; i < 200 && t.get('jobs', 'fail')!.status.conditions?.length !== 2; i++) {
      for (const n of podNames(t)) {
        if (seen.has(n)) continue;
        seen.add(n);
        created.push((t.clock.now() - start) / 1000);
        finishPod(t, n, 1); // fails as soon as it is created
      }
      t.advance('1s');
    }
    // each replacement waits 10 s, 20 s, 40 s after the previous failure
    expect(created).toEqual([0, 10, 30, 70]);
    const job = t.get('jobs', 'fail')!;
    expect(job.status.failed).toBe(4);
    expect(job.status.conditions.map((c: { type: string }) => c.type)).toEqual(['FailureTarget', 'Failed']);
    expect(job.status.conditions[1]).toMatchObject({ reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    expect(jobRow(t, 'fail')[1]).toBe('Failed');
    expect(t.events('fail').pop()).toBe('BackoffLimitExceeded: Job has reached the specified backoff limit');
  });

  it('activeDeadlineSeconds fails the Job with DeadlineExceeded and deletes its pods', () => {
    const t = newTestCluster({ controllers: ['job-controller'] });
    t.apply(jobYaml('slow', '  activeDeadlineSeconds: 30'));
    const [pod] = podNames(t);
    t.advance('29s');
    expect(t.get('jobs', 'slow')!.status.conditions ?? []).toEqual([]);
    t.advance('1s');
    expect(t.get('jobs', 'slow')!.status.conditions.map((c: { type: string }) => c.type)).toEqual(['FailureTarget']);
    // the Failed condition waits until the deleted pod is gone (one batched sync later)
    t.advance('1s');
    const job = t.get('jobs', 'slow')!;
    expect(job.status.conditions.map((c: { type: string; reason: string }) => `${c.type}/${c.reason}`)).toEqual([
      'FailureTarget/DeadlineExceeded',
      'Failed/DeadlineExceeded',
    ]);
    expect(job.status.failed).toBe(1);
    expect(t.get('pods', pod!)).toBeUndefined();
    expect(t.events('slow')).toContain('DeadlineExceeded: Job was active longer than specified deadline');
  });

  it('an Indexed Job names pods <job>-<index>- and records completedIndexes', () => {
    const t = newTestCluster({ controllers: ['job-controller'] });
    t.apply(jobYaml('idx', '  completions: 3\n  parallelism: 3\n  completionMode: Indexed'));
    const pods = t.pods();
    const byIndex = new Map(pods.map((p) => [p.metadata.annotations!['batch.kubernetes.io/job-completion-index'], p]));
    expect([...byIndex.keys()].sort()).toEqual(['0', '1', '2']);
    const p1 = byIndex.get('1')!;
    expect(p1.metadata.name).toMatch(/^idx-1-[a-z0-9]{5}$/);
    expect(p1.metadata.labels!['batch.kubernetes.io/job-completion-index']).toBe('1');
    expect(p1.spec.hostname).toBe('idx-1');
    expect(p1.spec.containers[0].env).toEqual([
      { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } },
    ]);
    finishPod(t, byIndex.get('0')!.metadata.name!, 0);
    finishPod(t, byIndex.get('2')!.metadata.name!, 0);
    t.advance('1s');
    expect(t.get('jobs', 'idx')!.status).toMatchObject({ completedIndexes: '0,2', succeeded: 2, active: 1 });
    finishPod(t, p1.metadata.name!, 0);
    t.advance('1s');
    expect(t.get('jobs', 'idx')!.status).toMatchObject({ completedIndexes: '0-2', succeeded: 3 });
    expect(jobRow(t, 'idx')[1]).toBe('Complete');
  });

  it('suspend deletes the active pods and resume recreates them', () => {
    const t = newTestCluster({ controllers: ['job-controller'] });
    t.apply(jobYaml('s', '  parallelism: 2\n  completions: 4'));
    expect(podNames(t)).toHaveLength(2);
    mergePatch(t, 'batch/jobs', 's', { spec: { suspend: true } });
    expect(podNames(t)).toHaveLength(0);
    let job = t.get('jobs', 's')!;
    expect(job.status.conditions[0]).toMatchObject({ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' });
    expect(job.status.active).toBeUndefined();
    expect(jobRow(t, 's')[1]).toBe('Suspended');
    t.advance('1m');
    mergePatch(t, 'batch/jobs', 's', { spec: { suspend: false } });
    job = t.get('jobs', 's')!;
    expect(job.status.conditions[0]).toMatchObject({ type: 'Suspended', status: 'False', reason: 'JobResumed' });
    expect(job.status.startTime).toBe('2025-01-01T00:01:00Z');
    expect(podNames(t)).toHaveLength(2);
    expect(t.events('s')).toEqual(expect.arrayContaining(['Suspended: Job suspended', 'Resumed: Job resumed']));
  });

  it('deleting a pod replaces it (TerminatingOrFailed) and counts it as failed', () => {
    const t = newTestCluster({ controllers: ['job-controller'] });
    t.apply(jobYaml('d', ''));
    const [first] = podNames(t);
    t.api.delete(t.api.registry.get('', 'pods')!, 'default', first!);
    t.settle();
    t.advance('1s');
    expect(t.get('pods', first!)).toBeUndefined();
    expect(t.get('jobs', 'd')!.status.failed).toBe(1);
    t.advance('10s');
    expect(podNames(t)).toHaveLength(1);
  });
});

describe('job-controller cleanup', () => {
  it('deleting a running Job lets the garbage collector remove its pods (finalizers dropped)', () => {
    const t = newTestCluster({ controllers: ['job-controller', 'garbage-collector-controller'] });
    t.apply(jobYaml('gone', '  parallelism: 2\n  completions: 2'));
    expect(podNames(t)).toHaveLength(2);
    t.api.delete(t.api.registry.get('batch', 'jobs')!, 'default', 'gone', { propagationPolicy: 'Background' });
    t.settle();
    t.advance('1s');
    expect(t.pods()).toEqual([]);
  });
});
