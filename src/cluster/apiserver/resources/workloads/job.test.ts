import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { jobs } from './job';
import { mutable, workloadServer } from './testkit';

const job = (mut: (j: KObject) => void = () => {}): KObject => {
  const j: KObject = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi' },
    spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl:5.34.0' }], restartPolicy: 'Never' } } },
  };
  mut(j);
  return j;
};

describe('Job defaults and generated selector', () => {
  it('fills the 1.32 defaults and labels template, selector and job from the uid', () => {
    const { create } = workloadServer();
    const j = create(job());
    const uid = j.metadata.uid;
    expect(j.spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
    });
    const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' };
    expect(j.spec.template.metadata.labels).toEqual(labels);
    expect(j.metadata.labels).toEqual(labels);
    expect([j.status, j.metadata.generation]).toEqual([{}, 1]);
  });

  it.each([
    ['parallelism alone leaves completions unset', { parallelism: 3 }, { parallelism: 3, completions: undefined }],
    ['completions alone defaults parallelism to 1', { completions: 5 }, { parallelism: 1, completions: 5 }],
    ['backoffLimitPerIndex raises the default backoffLimit', { completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1 }, { backoffLimit: 2147483647 }],
    [
      'a podFailurePolicy switches podReplacementPolicy to Failed and fills condition status',
      { podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } },
      { podReplacementPolicy: 'Failed', podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] } },
    ],
  ])('%s', (_n, spec, expected) => {
    const { create } = workloadServer();
    const j = create(job((x) => Object.assign(x.spec, spec)));
    for (const [k, v] of Object.entries(expected)) expect(j.spec[k]).toEqual(v);
  });

  it('keeps user labels on the job and existing template labels', () => {
    const { create } = workloadServer();
    const j = create(
      job((x) => {
        x.metadata.labels = { team: 'a' };
        x.spec.template.metadata = { labels: { app: 'pi' } };
      }),
    );
    expect(j.metadata.labels).toEqual({ team: 'a' });
    expect(j.spec.template.metadata.labels.app).toBe('pi');
  });
});

describe('Job validation', () => {
  it.each<[string, (j: KObject) => void, string]>([
    [
      'requires OnFailure or Never',
      (j) => delete j.spec.template.spec.restartPolicy,
      'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ],
    [
      'rejects an unknown restartPolicy',
      (j) => (j.spec.template.spec.restartPolicy = 'Sometimes'),
      'Job.batch "pi" is invalid: [spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never", spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"]',
    ],
    ['rejects negative backoffLimit', (j) => (j.spec.backoffLimit = -1), 'Job.batch "pi" is invalid: spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0'],
    [
      'rejects backoffLimitPerIndex without Indexed mode',
      (j) => (j.spec.backoffLimitPerIndex = 1),
      'Job.batch "pi" is invalid: spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode',
    ],
    [
      'rejects an unknown completion mode',
      (j) => (j.spec.completionMode = 'Sometimes'),
      'Job.batch "pi" is invalid: spec.completionMode: Unsupported value: "Sometimes": supported values: "NonIndexed", "Indexed"',
    ],
    [
      'requires Never with a podFailurePolicy',
      (j) => {
        j.spec.template.spec.restartPolicy = 'OnFailure';
        j.spec.podFailurePolicy = { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] };
      },
      'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
    ],
    [
      'checks podFailurePolicy rules',
      (j) => (j.spec.podFailurePolicy = { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [0, 2, 1] } }, { action: 'Count' }] }),
      'Job.batch "pi" is invalid: [spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator, spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{0, 2, 1}: must be ordered, spec.podFailurePolicy.rules[1]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required]',
    ],
    [
      'rejects a successPolicy on a NonIndexed job',
      (j) => (j.spec.successPolicy = { rules: [{ succeededCount: 1 }] }),
      'Job.batch "pi" is invalid: spec.successPolicy: Invalid value: batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{batch.SuccessPolicyRule{SucceededIndexes:(*string)(nil), SucceededCount:(*int32)(0xc000010000)}}}: requires indexed completion mode',
    ],
    [
      'checks succeededIndexes against completions',
      (j) => Object.assign(j.spec, { completionMode: 'Indexed', completions: 3, successPolicy: { rules: [{ succeededIndexes: '0,2-5' }] } }),
      'Job.batch "pi" is invalid: spec.successPolicy.rules[0].succeededIndexes: Invalid value: "0,2-5": error parsing succeededIndexes: too large index: "5"',
    ],
    [
      'requires completions in Indexed mode',
      (j) => Object.assign(j.spec, { completionMode: 'Indexed', parallelism: 2 }),
      'Job.batch "pi" is invalid: spec.completions: Required value: when completion mode is Indexed',
    ],
    [
      'rejects a manual selector that does not match',
      (j) => Object.assign(j.spec, { manualSelector: true, selector: { matchLabels: { a: 'b' } } }),
      'Job.batch "pi" is invalid: spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`',
    ],
    [
      'rejects a conflicting job-name label',
      (j) => (j.spec.template.metadata = { labels: { 'job-name': 'other' } }),
      `Job.batch "pi" is invalid: spec.template.metadata.labels[job-name]: Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"UID", "batch.kubernetes.io/job-name":"pi", "controller-uid":"UID", "job-name":"other"}: must be 'pi'`,
    ],
    [
      'rejects a too long name for Indexed pod hostnames',
      (j) => {
        j.metadata.name = 'a'.repeat(62);
        Object.assign(j.spec, { completionMode: 'Indexed', completions: 10 });
      },
      `Job.batch "${'a'.repeat(62)}" is invalid: metadata.name: Invalid value: "${'a'.repeat(62)}": will not able to create pod with invalid DNS label: ${'a'.repeat(62)}-9`,
    ],
  ])('%s', (_n, mut, message) => {
    const { create, errorOf, api } = workloadServer();
    const uid = '5c7c4f1c-0000-4000-8000-000000000000';
    const msg = errorOf(() => create(job(mut)));
    // the uid is random-but-seeded; compare with a placeholder
    const created = api.store.list('batch/jobs', {}).items;
    expect(created).toEqual([]);
    expect(msg.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UID')).toBe(message.replace(uid, 'UID'));
  });
});

describe('Job updates', () => {
  it.each<[string, (j: KObject) => void, RegExp | string]>([
    ['allows changing parallelism', (j) => (j.spec.parallelism = 3), ''],
    ['refuses a new template', (j) => (j.spec.template.spec.containers[0].image = 'perl:6'), /^Job\.batch "pi" is invalid: spec\.template: Invalid value: core\.PodTemplateSpec\{ObjectMeta:v1\.ObjectMeta\{Name:"".*Labels:map\[string\]string\{.*"job-name":"pi"\}.*: field is immutable$/],
    ['refuses changing completions of a NonIndexed job', (j) => (j.spec.completions = 2), 'Job.batch "pi" is invalid: spec.completions: Invalid value: 2: field is immutable'],
    ['refuses changing the completion mode', (j) => Object.assign(j.spec, { completionMode: 'Indexed' }), 'Job.batch "pi" is invalid: spec.completionMode: Invalid value: "Indexed": field is immutable'],
  ])('%s', (_n, mut, expected) => {
    const { create, update, errorOf } = workloadServer();
    const j = mutable(create(job()));
    mut(j);
    const msg = errorOf(() => update(j));
    if (typeof expected === 'string') expect(msg).toBe(expected);
    else expect(msg).toMatch(expected);
  });

  it('lets a suspended job that never started change its scheduling directives', () => {
    const { create, update, errorOf } = workloadServer();
    const j = mutable(create(job((x) => (x.spec.suspend = true))));
    j.spec.template.spec.nodeSelector = { disk: 'ssd' };
    expect(errorOf(() => update(j))).toBe('');
  });
});

describe('Job table', () => {
  const base = (status: KObject['status'], mut: (j: KObject) => void = () => {}) => {
    const j = job((x) => {
      x.spec.completions = 1;
      mut(x);
    });
    j.metadata.creationTimestamp = '2025-01-01T00:00:00Z';
    j.status = status;
    return jobs.row!(j, Date.parse('2025-01-01T00:01:00Z'));
  };
  it.each<[string, KObject['status'], (j: KObject) => void, unknown[]]>([
    ['a new job', {}, () => {}, ['pi', 'Running', '0/1', '', '60s']],
    ['a running job', { startTime: '2025-01-01T00:00:10Z', active: 1 }, () => {}, ['pi', 'Running', '0/1', '50s', '60s']],
    [
      'a complete job',
      { startTime: '2025-01-01T00:00:10Z', completionTime: '2025-01-01T00:00:40Z', succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] },
      () => {},
      ['pi', 'Complete', '1/1', '30s', '60s'],
    ],
    ['a failed job', { conditions: [{ type: 'Failed', status: 'True' }] }, () => {}, ['pi', 'Failed', '0/1', '', '60s']],
    ['a suspended job', { conditions: [{ type: 'Suspended', status: 'True' }] }, () => {}, ['pi', 'Suspended', '0/1', '', '60s']],
    ['a work queue job', { succeeded: 1 }, (j) => Object.assign(j.spec, { completions: undefined, parallelism: 3 }), ['pi', 'Running', '1/1 of 3', '', '60s']],
  ])('prints %s', (_n, status, mut, cells) => {
    expect(base(status, mut).slice(0, 5)).toEqual(cells);
  });

  it('offers the status.successful field selector', () => {
    expect(jobs.fieldSelectors!['status.successful']!({ metadata: {}, status: { succeeded: 2 } })).toBe('2');
  });
});
