import { describe, expect, it } from 'vitest';
import { clone } from '../../api/types';
import { newTestCluster, type TestCluster } from '../../testing/testCluster';
import { podYaml } from '../endpoints/testkit';

const NS = (extra = '') => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n${extra}`;
const CM = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: team\ndata: {a: b}\n`;
const nsDef = (t: TestCluster) => t.api.registry.get('', 'namespaces')!;
const conds = (t: TestCluster) =>
  (t.get('namespaces', 'team', '')?.status?.conditions ?? []).map((c: { type: string; status: string; reason: string; message: string }) => [c.type, c.status, c.reason, c.message]);

describe('namespace-controller', () => {
  it('deletes the content of a terminating namespace, reports it in conditions, then finalizes it', () => {
    const t = newTestCluster({ controllers: ['namespace-controller'] });
    // A metadata finalizer keeps the namespace visible to the controller whatever the API server does with spec.finalizers.
    t.apply(NS('  finalizers: [example.com/hold]\n'));
    t.apply(CM);
    t.apply(podYaml('bound', { app: 'x' }, 'worker-1').replace('name: bound', 'name: bound\n  namespace: team'));
    t.api.delete(nsDef(t), '', 'team', {});
    t.settle();
    expect(t.get('namespaces', 'team', '')!.status.phase).toBe('Terminating');
    expect(t.get('configmaps', 'settings', 'team')).toBeUndefined();
    // The bound pod is terminating (30 s grace): the controller waits and says so.
    expect(t.get('pods', 'bound', 'team')!.metadata.deletionTimestamp).toBeDefined();
    expect(conds(t)).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
      ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
      ['NamespaceContentRemaining', 'True', 'SomeResourcesRemain', 'Some resources are remaining: pods. has 1 resource instances'],
      ['NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
    ]);
    expect(t.get('namespaces', 'team', '')!.spec.finalizers).toEqual(['kubernetes']);
    // The kubelet finishes the pod.
    t.api.delete(t.api.registry.get('', 'pods')!, 'team', 'bound', { gracePeriodSeconds: 0 });
    t.advance('16s');
    const ns = t.get('namespaces', 'team', '');
    expect(ns!.spec.finalizers).toEqual([]);
    expect(conds(t)[3]).toEqual(['NamespaceContentRemaining', 'False', 'ContentRemoved', 'All content successfully removed']);
    // Removing the last metadata finalizer lets the namespace go.
    const next = clone(ns!);
    next.metadata.finalizers = [];
    t.api.update(nsDef(t), '', 'team', next);
    expect(t.get('namespaces', 'team', '')).toBeUndefined();
  });

  it('reports content held by finalizers as NamespaceFinalizersRemaining', () => {
    const t = newTestCluster({ controllers: ['namespace-controller'] });
    t.apply(NS('  finalizers: [example.com/hold]\n'));
    t.apply(CM.replace('data:', 'data:').replace('  namespace: team', '  namespace: team\n  finalizers: [example.com/protect]'));
    t.api.delete(nsDef(t), '', 'team', {});
    t.settle();
    expect(conds(t).slice(3)).toEqual([
      ['NamespaceContentRemaining', 'True', 'SomeResourcesRemain', 'Some resources are remaining: configmaps. has 1 resource instances'],
      ['NamespaceFinalizersRemaining', 'True', 'SomeFinalizersRemain', 'Some content in the namespace has finalizers remaining: example.com/protect in 1 resource instances'],
    ]);
  });

  it('removes a deleted namespace once it is empty (kubectl delete ns)', () => {
    const t = newTestCluster({ controllers: ['namespace-controller'] });
    t.apply(NS());
    t.apply(CM);
    t.api.delete(nsDef(t), '', 'team', {});
    t.settle();
    expect(t.get('configmaps', 'settings', 'team')).toBeUndefined();
    expect(t.get('namespaces', 'team', '')).toBeUndefined();
  });
});
