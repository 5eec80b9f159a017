import { describe, expect, it } from 'vitest';
import { isStrategicMergeKind, listMerges, lookupPatchMeta, patchTypes, rootTypeForKind } from './mergeKeys';

/** Follows a dotted field path from a kind's root type to the tags of its last field. */
function tagsAt(kind: string, path: string) {
  let type = rootTypeForKind(kind);
  const fields = path.split('.');
  for (const f of fields.slice(0, -1)) type = lookupPatchMeta(type, f).type;
  return lookupPatchMeta(type, fields[fields.length - 1]);
}

describe('the merge-key table follows the upstream struct tags', () => {
  const cases: { kind: string; path: string; strategy?: string; mergeKey?: string }[] = [
    { kind: 'Pod', path: 'spec.containers', strategy: 'merge', mergeKey: 'name' },
    { kind: 'Pod', path: 'spec.initContainers', strategy: 'merge', mergeKey: 'name' },
    { kind: 'Pod', path: 'spec.ephemeralContainers', strategy: 'merge', mergeKey: 'name' },
    { kind: 'Pod', path: 'spec.containers.ports', strategy: 'merge', mergeKey: 'containerPort' },
    { kind: 'Pod', path: 'spec.containers.env', strategy: 'merge', mergeKey: 'name' },
    { kind: 'Pod', path: 'spec.containers.volumeMounts', strategy: 'merge', mergeKey: 'mountPath' },
    { kind: 'Pod', path: 'spec.containers.volumeDevices', strategy: 'merge', mergeKey: 'devicePath' },
    { kind: 'Pod', path: 'spec.ephemeralContainers.env', strategy: 'merge', mergeKey: 'name' },
    { kind: 'Pod', path: 'spec.volumes', strategy: 'merge,retainKeys', mergeKey: 'name' },
    { kind: 'Pod', path: 'spec.imagePullSecrets', strategy: 'merge', mergeKey: 'name' },
    { kind: 'Pod', path: 'spec.hostAliases', strategy: 'merge', mergeKey: 'ip' },
    { kind: 'Pod', path: 'spec.topologySpreadConstraints', strategy: 'merge', mergeKey: 'topologyKey' },
    { kind: 'Pod', path: 'spec.resourceClaims', strategy: 'merge,retainKeys', mergeKey: 'name' },
    { kind: 'Pod', path: 'spec.schedulingGates', strategy: 'merge', mergeKey: 'name' },
    { kind: 'Pod', path: 'spec.tolerations' },
    { kind: 'Pod', path: 'spec.containers.args' },
    { kind: 'Pod', path: 'status.conditions', strategy: 'merge', mergeKey: 'type' },
    { kind: 'Pod', path: 'status.podIPs', strategy: 'merge', mergeKey: 'ip' },
    { kind: 'Pod', path: 'status.containerStatuses' },
    { kind: 'Pod', path: 'metadata.finalizers', strategy: 'merge' },
    { kind: 'Pod', path: 'metadata.ownerReferences', strategy: 'merge', mergeKey: 'uid' },
    { kind: 'Deployment', path: 'spec.template.spec.containers', strategy: 'merge', mergeKey: 'name' },
    { kind: 'Deployment', path: 'spec.template.metadata.finalizers', strategy: 'merge' },
    { kind: 'Deployment', path: 'spec.strategy', strategy: 'retainKeys' },
    { kind: 'Deployment', path: 'status.conditions', strategy: 'merge', mergeKey: 'type' },
    { kind: 'ReplicaSet', path: 'spec.template.spec.volumes', strategy: 'merge,retainKeys', mergeKey: 'name' },
    { kind: 'StatefulSet', path: 'spec.template.spec.containers.env', strategy: 'merge', mergeKey: 'name' },
    { kind: 'StatefulSet', path: 'spec.volumeClaimTemplates' },
    { kind: 'DaemonSet', path: 'spec.template.spec.initContainers', strategy: 'merge', mergeKey: 'name' },
    { kind: 'Job', path: 'spec.template.spec.containers', strategy: 'merge', mergeKey: 'name' },
    { kind: 'Job', path: 'status.conditions', strategy: 'merge', mergeKey: 'type' },
    { kind: 'CronJob', path: 'spec.jobTemplate.spec.template.spec.containers', strategy: 'merge', mergeKey: 'name' },
    { kind: 'CronJob', path: 'spec.jobTemplate.metadata.ownerReferences', strategy: 'merge', mergeKey: 'uid' },
    { kind: 'PodTemplate', path: 'template.spec.containers', strategy: 'merge', mergeKey: 'name' },
    { kind: 'ReplicationController', path: 'spec.template.spec.containers', strategy: 'merge', mergeKey: 'name' },
    { kind: 'Service', path: 'spec.ports', strategy: 'merge', mergeKey: 'port' },
    { kind: 'Service', path: 'status.conditions', strategy: 'merge', mergeKey: 'type' },
    { kind: 'ServiceAccount', path: 'secrets', strategy: 'merge', mergeKey: 'name' },
    { kind: 'Node', path: 'spec.taints' },
    { kind: 'Node', path: 'spec.podCIDRs', strategy: 'merge' },
    { kind: 'Node', path: 'status.addresses', strategy: 'merge', mergeKey: 'type' },
    { kind: 'Node', path: 'status.conditions', strategy: 'merge', mergeKey: 'type' },
    { kind: 'Namespace', path: 'spec.finalizers' },
    { kind: 'Namespace', path: 'status.conditions', strategy: 'merge', mergeKey: 'type' },
    { kind: 'Endpoints', path: 'subsets' },
    { kind: 'Endpoints', path: 'metadata.finalizers', strategy: 'merge' },
    { kind: 'ConfigMap', path: 'metadata.ownerReferences', strategy: 'merge', mergeKey: 'uid' },
    { kind: 'PodDisruptionBudget', path: 'spec.selector', strategy: 'replace' },
    { kind: 'HorizontalPodAutoscaler', path: 'status.conditions', strategy: 'merge', mergeKey: 'type' },
    { kind: 'MutatingWebhookConfiguration', path: 'webhooks.matchConditions', strategy: 'merge', mergeKey: 'name' },
  ];
  it.each(cases)('$kind $path: $strategy $mergeKey', ({ kind, path, strategy, mergeKey }) => {
    const tags = tagsAt(kind, path);
    expect(tags.strategy).toBe(strategy);
    expect(tags.mergeKey).toBe(mergeKey);
  });

  it('every referenced type is defined', () => {
    const missing = Object.values(patchTypes)
      .flatMap((fields) => Object.values(fields).map((f) => f.type))
      .filter((t): t is string => t !== undefined && !Object.hasOwn(patchTypes, t));
    // Spec/Status types of kinds without tagged fields there are allowed to be absent.
    expect(missing.filter((t) => !/(Spec|Status)$/.test(t))).toEqual([]);
  });
});

describe('kinds map to root types', () => {
  it.each([
    { kind: 'Deployment', root: 'Deployment', smp: true },
    { kind: 'ConfigMap', root: 'Object', smp: true },
    { kind: 'Secret', root: 'Object', smp: true },
    { kind: 'PodSpec', root: undefined, smp: false },
    { kind: 'Object', root: undefined, smp: false },
    { kind: 'Widget', root: undefined, smp: false },
  ])('$kind → $root', ({ kind, root, smp }) => {
    expect(rootTypeForKind(kind)).toBe(root);
    expect(isStrategicMergeKind(kind)).toBe(smp);
  });

  it('only merge strategies make lists merge', () => {
    expect([{ strategy: 'merge' }, { strategy: 'merge,retainKeys' }, { strategy: 'retainKeys' }, {}].map((m) => listMerges(m as never))).toEqual([true, true, false, false]);
  });
});
