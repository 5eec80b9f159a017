import { describe, expect, it } from 'vitest';
import { clone, type KObject } from '../../api/types';
import { newTestCluster, type TestCluster } from '../../testing/testCluster';
import { podYaml } from '../endpoints/testkit';

const finish = (t: TestCluster, name: string, phase = 'Succeeded') => {
  const p = clone(t.get('pods', name)!);
  p.status = { ...p.status, phase };
  t.api.update(t.api.registry.get('', 'pods')!, 'default', name, p, {}, 'status');
};

describe('pod-garbage-collector-controller', () => {
  it('force-deletes pods of a deleted node after the 40 s quarantine, marking them Failed with DeletionByPodGC', () => {
    const t = newTestCluster({ controllers: ['pod-garbage-collector-controller'] });
    t.apply(podYaml('orphan', { app: 'x' }, 'worker-3'));
    const seen: KObject[] = [];
    t.store.onCommit = (e) => {
      if (e.resource === 'pods' && e.type === 'MODIFIED') seen.push(e.object);
    };
    t.api.delete(t.api.registry.get('', 'nodes')!, '', 'worker-3', {});
    t.advance('39s');
    expect(t.get('pods', 'orphan')).toBeDefined();
    t.advance('2s');
    expect(t.get('pods', 'orphan')).toBeUndefined();
    const last = seen.at(-1)!;
    expect(last.status.phase).toBe('Failed');
    expect(last.status.conditions.find((c: { type: string }) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' });
  });

  it('keeps at most the threshold of terminated pods, deleting the oldest first', () => {
    const t = newTestCluster({ controllers: ['pod-garbage-collector-controller'], controllerConfig: { terminatedPodGcThreshold: 2 } });
    for (const name of ['a', 'b', 'c', 'd']) {
      t.apply(podYaml(name, { app: 'x' }, 'worker-1'));
      finish(t, name);
      t.advance('1s');
    }
    t.apply(podYaml('running', { app: 'x' }, 'worker-1'));
    t.advance('20s');
    expect(t.pods('app=x').map((p) => p.metadata.name)).toEqual(['c', 'd', 'running']);
  });
});
