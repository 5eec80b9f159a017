import { describe, expect, it } from 'vitest';
import { newTestCluster } from '../../testing/testCluster';
import { finishPod, podNames } from '../job/testkit';

describe('ttl-after-finished-controller scenario', () => {
  it('deletes a finished Job ttlSecondsAfterFinished after it completed, pods included', () => {
    const t = newTestCluster({ controllers: ['job-controller', 'ttl-after-finished-controller', 'garbage-collector-controller'] });
    t.apply(`apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  ttlSecondsAfterFinished: 100
  template:
    spec:
      restartPolicy: Never
      containers: [{name: main, image: busybox}]
`);
    const [pod] = podNames(t);
    t.advance('10s');
    finishPod(t, pod!, 0);
    t.advance('1s'); // the job completes at 00:00:11
    expect(t.get('jobs', 'pi')!.status.completionTime).toBe('2025-01-01T00:00:11Z');
    t.advance('99s');
    expect(t.get('jobs', 'pi')).toBeDefined();
    t.advance('1s');
    t.advance('1s');
    expect(t.get('jobs', 'pi')).toBeUndefined();
    expect(t.pods()).toEqual([]);
  });
});
