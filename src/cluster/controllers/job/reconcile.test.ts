import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { NO_BACKOFF, nextBackoffRecord, remainingBackoff, type BackoffRecord } from './backoff';
import { firstPending, intervalsString, parseIntervals, withOrderedIndexes } from './intervals';
import { reconcileJob } from './reconcile';
import { mkPod, type PodSpecOpts } from './testkit';
import type { JobPlan } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const T0 = Date.UTC(2025, 0, 1);
const at = (s: number) => T0 + s * 1000;
const iso = (s: number) => new Date(at(s)).toISOString().replace('.000Z', 'Z');
const FIN = ['batch.kubernetes.io/job-tracking'];
const OWNER = { apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: 'job-uid' };

function job(spec: Json = {}, status: Json = {}, meta: Json = {}): KObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default', uid: 'job-uid', generation: 1, ...meta },
    spec: {
      parallelism: 1,
      completions: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'job-uid' } },
      template: { metadata: { labels: { 'batch.kubernetes.io/controller-uid': 'job-uid', 'batch.kubernetes.io/job-name': 'pi' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] } },
      ...spec,
    },
    status,
  };
}

const pod = (o: Partial<PodSpecOpts> & { name: string }) => mkPod({ owner: OWNER, finalizers: FIN, ...o });
const run = (j: KObject, pods: KObject[] = [], now = 0, backoff: BackoffRecord = NO_BACKOFF): JobPlan => reconcileJob({ job: j, pods, backoff, now: at(now) });
const condTypes = (s: Json) => (s?.conditions ?? []).map((c: Json) => `${c.type}=${c.status}/${c.reason ?? ''}`);
const lastStatus = (p: JobPlan) => p.final ?? p.flush;

describe('reconcileJob', () => {
  it('a new job creates `parallelism` pods carrying the tracking finalizer and records startTime', () => {
    const p = run(job({ parallelism: 2, completions: 5 }));
    expect(p.creates).toHaveLength(2);
    expect(p.creates[0]!.metadata).toMatchObject({ generateName: 'pi-', finalizers: FIN, ownerReferences: [{ ...OWNER, controller: true, blockOwnerDeletion: true }] });
    expect(p.flush).toEqual({ startTime: iso(0), active: 2, terminating: 0, uncountedTerminatedPods: {}, ready: 0 });
    expect(p.final).toBeUndefined();
  });

  it('never runs more pods than the completions still missing', () => {
    const p = run(job({ parallelism: 5, completions: 3 }, { succeeded: 2, startTime: iso(0), uncountedTerminatedPods: {} }));
    expect(p.creates).toHaveLength(1);
  });

  it('records a succeeded pod as uncounted first, then counts it once its finalizer is gone, then completes', () => {
    const p = run(job(), [pod({ name: 'a', phase: 'Succeeded', exitCode: 0 })], 20);
    expect(p.flush?.uncountedTerminatedPods).toEqual({ succeeded: ['uid-a'] });
    expect(condTypes(p.flush)).toEqual(['SuccessCriteriaMet=True/CompletionsReached']);
    expect(p.removeFinalizers.map((x) => x.metadata.name)).toEqual(['a']);
    expect(p.final).toMatchObject({ succeeded: 1, completionTime: iso(20), uncountedTerminatedPods: {} });
    expect(condTypes(p.final)).toEqual(['SuccessCriteriaMet=True/CompletionsReached', 'Complete=True/CompletionsReached']);
    expect(p.finishEvents).toEqual([{ type: 'Normal', reason: 'Completed', message: 'Job completed' }]);
  });

  it('waits 10 s after a failure before creating the replacement, and remembers the back-off', () => {
    const failed = pod({ name: 'a', phase: 'Failed', exitCode: 1, finishedAt: iso(5) });
    const p = run(job({}, { startTime: iso(0), active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} }), [failed], 6);
    expect(p.creates).toHaveLength(0);
    expect(p.requeueAfterMs).toBe(9_000);
    expect(p.storeBackoff).toEqual({ failuresAfterLastSuccess: 1, lastFailureTime: at(5) });
    expect(p.final).toMatchObject({ failed: 1 });
  });

  it('creates the replacement once the back-off has passed', () => {
    const p = run(job({}, { startTime: iso(0), failed: 1, uncountedTerminatedPods: {} }), [], 15, { failuresAfterLastSuccess: 1, lastFailureTime: at(5) });
    expect(p.creates).toHaveLength(1);
  });

  it('exceeding backoffLimit adds FailureTarget/BackoffLimitExceeded and deletes the active pods', () => {
    const j = job({ backoffLimit: 1, parallelism: 2, completions: 4 }, { startTime: iso(0), failed: 1, uncountedTerminatedPods: {} });
    const p = run(j, [pod({ name: 'f', phase: 'Failed', exitCode: 2 }), pod({ name: 'r', phase: 'Running', node: 'w1', ready: true })], 30);
    expect(p.deletes.map((d) => [d.pod.metadata.name, d.dropFinalizer])).toEqual([['r', false]]);
    expect(condTypes(p.flush)).toEqual(['FailureTarget=True/BackoffLimitExceeded']);
    expect(p.flush.conditions[0].message).toBe('Job has reached the specified backoff limit');
    expect(p.flush).toMatchObject({ terminating: 1, ready: 0, uncountedTerminatedPods: { failed: ['uid-f', 'uid-r'] } });
    // the deleted pod is still terminating: Failed comes later
    expect(condTypes(p.final)).toEqual(['FailureTarget=True/BackoffLimitExceeded']);
    expect(p.final).toMatchObject({ failed: 3 });
    expect(p.finishEvents).toEqual([]);
  });

  it('turns FailureTarget into Failed once no pod is terminating, with the same reason and message', () => {
    const ft = { type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastProbeTime: iso(30), lastTransitionTime: iso(30) };
    const p = run(job({ backoffLimit: 1 }, { startTime: iso(0), failed: 2, terminating: 1, ready: 0, conditions: [ft], uncountedTerminatedPods: {} }), [], 31);
    expect(condTypes(p.final)).toEqual(['FailureTarget=True/BackoffLimitExceeded', 'Failed=True/BackoffLimitExceeded']);
    expect(p.final.completionTime).toBeUndefined();
    expect(p.finishEvents).toEqual([{ type: 'Warning', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }]);
  });

  it('requeues for the moment activeDeadlineSeconds runs out', () => {
    const p = run(job({ activeDeadlineSeconds: 100 }, { startTime: iso(0), active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} }), [pod({ name: 'a' })], 40);
    expect(p.requeueAfterMs).toBe(60_000);
    expect(p.flush).toBeUndefined();
  });

  it('past activeDeadlineSeconds the job fails with DeadlineExceeded', () => {
    const p = run(job({ activeDeadlineSeconds: 10 }, { startTime: iso(0), active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} }), [pod({ name: 'a' })], 10);
    expect(condTypes(p.flush)).toEqual(['FailureTarget=True/DeadlineExceeded']);
    expect(p.flush.conditions[0].message).toBe('Job was active longer than specified deadline');
  });

  it('a suspended job deletes its active pods (finalizer first), reports Suspended and has no startTime', () => {
    const p = run(job({ suspend: true, parallelism: 2, completions: 2 }), [pod({ name: 'a' }), pod({ name: 'b' })]);
    expect(p.deletes.map((d) => d.dropFinalizer)).toEqual([true, true]);
    expect(p.flush.startTime).toBeUndefined();
    expect(condTypes(p.flush)).toEqual(['Suspended=True/JobSuspended']);
    expect(p.events).toEqual([{ type: 'Normal', reason: 'Suspended', message: 'Job suspended' }]);
  });

  it('resuming sets Suspended=False/JobResumed and restarts the clock of activeDeadlineSeconds', () => {
    const susp = { type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastProbeTime: iso(0), lastTransitionTime: iso(0) };
    const p = run(job({}, { startTime: iso(0), conditions: [susp], uncountedTerminatedPods: {} }), [], 90);
    expect(p.creates).toHaveLength(1);
    expect(condTypes(p.flush)).toEqual(['Suspended=False/JobResumed']);
    expect(p.flush.startTime).toBe(iso(90));
  });

  it('podFailurePolicy FailJob fails the job with the rule’s message', () => {
    const policy = { rules: [{ action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] } }] };
    const p = run(job({ podFailurePolicy: policy, podReplacementPolicy: 'Failed' }, { startTime: iso(0), uncountedTerminatedPods: {} }), [pod({ name: 'pi-x', phase: 'Failed', exitCode: 42 })], 3);
    expect(condTypes(p.flush)).toEqual(['FailureTarget=True/PodFailurePolicy']);
    expect(p.flush.conditions[0].message).toBe('Container main for pod default/pi-x failed with exit code 42 matching FailJob rule at index 0');
    expect(condTypes(p.final)).toEqual(['FailureTarget=True/PodFailurePolicy', 'Failed=True/PodFailurePolicy']);
  });

  it('podFailurePolicy Ignore does not count the failure (the replacement still backs off)', () => {
    const policy = { rules: [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [137] } }] };
    const p = run(job({ podFailurePolicy: policy, podReplacementPolicy: 'Failed', backoffLimit: 0 }, { startTime: iso(0), uncountedTerminatedPods: {} }), [pod({ name: 'a', phase: 'Failed', exitCode: 137, finishedAt: iso(0) })], 3);
    expect(condTypes(p.final ?? p.flush)).toEqual([]);
    expect(lastStatus(p).failed).toBeUndefined();
    expect(p.requeueAfterMs).toBe(7_000);
  });

  it('with podReplacementPolicy Failed a terminating pod is not replaced until it has failed', () => {
    const j = job({ podReplacementPolicy: 'Failed' }, { startTime: iso(0), uncountedTerminatedPods: {} });
    const p = run(j, [pod({ name: 'a', phase: 'Running', deleting: iso(1) })], 2);
    expect(p.creates).toHaveLength(0);
    expect(p.flush).toMatchObject({ terminating: 1 });
  });

  it('with the default TerminatingOrFailed a terminating pod counts as failed and is replaced at once after back-off', () => {
    const p = run(job({}, { startTime: iso(0), uncountedTerminatedPods: {} }), [pod({ name: 'a', phase: 'Running', deleting: iso(1) })], 12);
    expect(p.flush.uncountedTerminatedPods).toEqual({ failed: ['uid-a'] });
    expect(p.creates).toHaveLength(1);
  });

  it('an Indexed job creates the lowest pending indexes with index annotation, label, hostname and env', () => {
    const j = job({ completionMode: 'Indexed', completions: 5, parallelism: 3 }, { completedIndexes: '0', succeeded: 1, startTime: iso(0), uncountedTerminatedPods: {} });
    const running = pod({ name: 'pi-2-abcde', annotations: { 'batch.kubernetes.io/job-completion-index': '2' } });
    const p = run(j, [running], 1);
    expect(p.creates.map((c) => c.metadata.generateName)).toEqual(['pi-1-', 'pi-3-']);
    expect(p.creates[0]!.metadata.annotations).toEqual({ 'batch.kubernetes.io/job-completion-index': '1' });
    expect(p.creates[0]!.metadata.labels!['batch.kubernetes.io/job-completion-index']).toBe('1');
    expect(p.creates[0]!.spec.hostname).toBe('pi-1');
    expect(p.creates[0]!.spec.containers[0].env[0].name).toBe('JOB_COMPLETION_INDEX');
  });

  it('an Indexed job meeting its successPolicy is SuccessCriteriaMet/SuccessPolicy and stops the other pods', () => {
    const j = job({ completionMode: 'Indexed', completions: 3, parallelism: 3, successPolicy: { rules: [{ succeededIndexes: '0' }] } }, { startTime: iso(0), uncountedTerminatedPods: {} });
    const ix = (n: number) => ({ 'batch.kubernetes.io/job-completion-index': String(n) });
    const p = run(j, [pod({ name: 'a', phase: 'Succeeded', annotations: ix(0) }), pod({ name: 'b', annotations: ix(1) })], 9);
    expect(p.deletes.map((d) => d.pod.metadata.name)).toEqual(['b']);
    expect(condTypes(p.flush)).toEqual(['SuccessCriteriaMet=True/SuccessPolicy']);
    expect(p.flush.conditions[0].message).toBe('Matched rules at index 0');
    expect(p.flush).toMatchObject({ completedIndexes: '0', succeeded: 1 });
    // pods deleted for the success policy are not counted as failed
    expect(p.flush.uncountedTerminatedPods).toEqual({});
  });

  it('backoffLimitPerIndex records an exhausted index in failedIndexes and fails the job once all indexes are done', () => {
    const j = job({ completionMode: 'Indexed', completions: 2, parallelism: 2, backoffLimitPerIndex: 0, backoffLimit: 2147483647 }, { startTime: iso(0), completedIndexes: '1', succeeded: 1, uncountedTerminatedPods: {} });
    const failed = pod({ name: 'a', phase: 'Failed', exitCode: 1, annotations: { 'batch.kubernetes.io/job-completion-index': '0', 'batch.kubernetes.io/job-index-failure-count': '0' } });
    const p = run(j, [failed], 4);
    expect(p.flush).toMatchObject({ failedIndexes: '0' });
    expect(condTypes(p.flush)).toEqual(['FailureTarget=True/FailedIndexes']);
    expect(condTypes(p.final)).toEqual(['FailureTarget=True/FailedIndexes', 'Failed=True/FailedIndexes']);
  });

  it('without completions the job completes when a pod succeeded and none is left active', () => {
    const p = run(job({ completions: undefined, parallelism: 2 }, { startTime: iso(0), uncountedTerminatedPods: {} }), [pod({ name: 'a', phase: 'Succeeded' })], 5);
    expect(p.creates).toHaveLength(0);
    expect(condTypes(p.final)).toEqual(['SuccessCriteriaMet=True/CompletionsReached', 'Complete=True/CompletionsReached']);
  });

  it('lowering parallelism deletes the surplus, not-ready pods first', () => {
    const j = job({ parallelism: 1, completions: 5 }, { startTime: iso(0), active: 2, ready: 1, terminating: 0, uncountedTerminatedPods: {} });
    const p = run(j, [pod({ name: 'ready', node: 'w', phase: 'Running', ready: true }), pod({ name: 'pending' })], 3);
    expect(p.deletes.map((d) => [d.pod.metadata.name, d.dropFinalizer])).toEqual([['pending', true]]);
    expect(p.flush).toMatchObject({ active: 1, terminating: 1, ready: 1 });
  });

  it('with restartPolicy OnFailure container restarts count towards backoffLimit', () => {
    const tmpl = { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'x' }] } };
    const p = run(job({ backoffLimit: 2, template: tmpl }, { startTime: iso(0), active: 1, uncountedTerminatedPods: {} }), [pod({ name: 'a', phase: 'Running', restarts: 2 })], 60);
    expect(condTypes(p.flush)).toEqual(['FailureTarget=True/BackoffLimitExceeded']);
  });

  it('does nothing for a finished job and forgets its back-off', () => {
    const done = { type: 'Complete', status: 'True', lastProbeTime: iso(1), lastTransitionTime: iso(1) };
    const p = run(job({}, { conditions: [done] }), [pod({ name: 'a' })]);
    expect(p).toMatchObject({ creates: [], deletes: [], dropBackoff: true });
    expect(p.flush ?? p.final).toBeUndefined();
  });

  it('leaves a job managed by another controller alone', () => {
    expect(run(job({ managedBy: 'example.com/batch' })).creates).toEqual([]);
    expect(run(job({ managedBy: 'kubernetes.io/job-controller' })).creates).toHaveLength(1);
  });

  it('reports an unknown completion mode and skips the sync', () => {
    const p = run(job({ completionMode: 'Weird' }));
    expect(p.events).toEqual([{ type: 'Warning', reason: 'UnknownCompletionMode', message: 'Skipped Job sync because completion mode is unknown' }]);
    expect(p.creates).toEqual([]);
  });
});

describe('job helpers', () => {
  it.each([
    ['', [1, 2, 5], '1,2,5'],
    ['0-2', [3], '0-3'],
    ['0,4', [2], '0,2,4'],
    ['1-3,7', [5, 6], '1-3,5-7'],
  ])('completed indexes %j plus %j print as %j', (prev, add, want) => {
    expect(intervalsString(withOrderedIndexes(parseIntervals(prev, 10), add))).toBe(want);
  });

  it('pending indexes skip succeeded and active ones', () => {
    expect(firstPending(parseIntervals('0,2-3', 10), 3, 10)).toEqual([1, 4, 5]);
    expect(firstPending(parseIntervals('0-1', 3), 5, 3)).toEqual([2]);
  });

  it.each([
    [1, 0, 10_000],
    [2, 0, 20_000],
    [3, 5_000, 35_000],
    [7, 0, 600_000],
    [12, 0, 600_000],
  ])('after %i failures, %i ms after the last one, a replacement waits %i ms', (n, elapsed, want) => {
    expect(remainingBackoff(n, 0, elapsed, 10_000, 600_000)).toBe(want);
  });

  it('a success after the last failure resets the failure count', () => {
    const f = mkPod({ name: 'f', phase: 'Failed', exitCode: 1, finishedAt: iso(5) });
    const s = mkPod({ name: 's', phase: 'Succeeded', exitCode: 0, finishedAt: iso(8) });
    expect(nextBackoffRecord({ failuresAfterLastSuccess: 3, lastFailureTime: at(1) }, [s], [f])).toEqual({ failuresAfterLastSuccess: 0 });
    expect(nextBackoffRecord(NO_BACKOFF, [], [f])).toEqual({ failuresAfterLastSuccess: 1, lastFailureTime: at(5) });
  });
});
