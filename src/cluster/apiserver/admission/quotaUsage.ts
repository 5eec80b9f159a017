/**
 * Quota evaluators (pkg/quota/v1/evaluator/core and generic, v1.32): what one object charges
 * against a ResourceQuota, which hard resources an evaluator understands, and pod scope matching.
 */
import { newQuantity, parseQuantity, type Quantity } from '../../api/quantity';
import type { KObject } from '../../api/types';
import { isExtendedResourceName } from '../resources/pod/resourceValidation';
import { computeQOSClass, podLimits, podRequests, type QuantityMap } from '../resources/pod/resources';

const one = () => newQuantity(1, 'DecimalSI');
const zero = () => newQuantity(0, 'DecimalSI');

export interface Evaluator {
  /** Hard resource names this evaluator accounts for. */
  matches(name: string): boolean;
  usage(o: KObject, nowMs: number): QuantityMap;
  /** Pods only: quota scopes (Terminating, BestEffort, PriorityClass…). */
  matchesScope?(scope: ScopeRequirement, o: KObject): boolean;
}

export interface ScopeRequirement {
  scopeName: string;
  operator: string;
  values?: string[];
}

const podResources = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'count/pods',
]);
const podPrefixes = ['hugepages-', 'requests.hugepages-'];
const isExtendedForQuota = (n: string) => n.startsWith('requests.') && isExtendedResourceName(n.slice('requests.'.length));

/** podComputeUsageHelper: the compute charges of a request/limit pair (plus pods=1). */
export function podComputeUsage(requests: QuantityMap, limits: QuantityMap): QuantityMap {
  const r: QuantityMap = new Map([['pods', one()]]);
  for (const res of ['cpu', 'memory', 'ephemeral-storage']) {
    const req = requests.get(res);
    if (req) {
      r.set(res, req);
      r.set(`requests.${res}`, req);
    }
    const lim = limits.get(res);
    if (lim) r.set(`limits.${res}`, lim);
  }
  for (const [name, q] of requests) {
    if (name.startsWith('hugepages-')) {
      r.set(name, q);
      r.set(`requests.${name}`, q);
    }
    if (isExtendedResourceName(name)) r.set(`requests.${name}`, q);
  }
  return r;
}

// QuotaV1Pod: terminal pods, and pods stuck terminating past their grace period, stop counting.
function podCounts(pod: KObject, nowMs: number): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const del = pod.metadata.deletionTimestamp;
  const grace = pod.metadata.deletionGracePeriodSeconds;
  if (del && grace != null && nowMs > Date.parse(del) + grace * 1000) return false;
  return true;
}

const isTerminating = (pod: KObject) => typeof pod.spec?.activeDeadlineSeconds === 'number' && pod.spec.activeDeadlineSeconds >= 0;

const podEvaluator: Evaluator = {
  matches: (n) => podResources.has(n) || podPrefixes.some((p) => n.startsWith(p)) || isExtendedForQuota(n),
  usage(pod, nowMs) {
    const r: QuantityMap = new Map([['count/pods', one()]]);
    if (!podCounts(pod, nowMs)) return r;
    for (const [k, q] of podComputeUsage(podRequests(pod.spec), podLimits(pod.spec))) r.set(k, q);
    return r;
  },
  matchesScope(scope, pod) {
    const pc: string = pod.spec?.priorityClassName ?? '';
    switch (scope.scopeName) {
      case 'Terminating':
        return isTerminating(pod);
      case 'NotTerminating':
        return !isTerminating(pod);
      case 'BestEffort':
        return computeQOSClass(pod.spec) === 'BestEffort';
      case 'NotBestEffort':
        return computeQOSClass(pod.spec) !== 'BestEffort';
      case 'PriorityClass':
        // the selector runs against the label set {PriorityClass: <name>}, where the key always exists
        if (scope.operator === 'Exists') return pc !== '';
        if (scope.operator === 'In') return (scope.values ?? []).includes(pc);
        if (scope.operator === 'NotIn') return !(scope.values ?? []).includes(pc);
        return false;
      case 'CrossNamespacePodAffinity': {
        const terms = ['podAffinity', 'podAntiAffinity'].flatMap((k) => [
          ...(pod.spec?.affinity?.[k]?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
          ...(pod.spec?.affinity?.[k]?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w: { podAffinityTerm?: unknown }) => w?.podAffinityTerm),
        ]);
        return terms.some((t: { namespaces?: string[]; namespaceSelector?: unknown }) => !!t?.namespaceSelector || (t?.namespaces?.length ?? 0) > 0);
      }
      default:
        return false;
    }
  },
};

const serviceEvaluator: Evaluator = {
  matches: (n) => ['services', 'count/services', 'services.nodeports', 'services.loadbalancers'].includes(n),
  usage(svc) {
    const ports = (svc.spec?.ports ?? []).length;
    const r: QuantityMap = new Map([['count/services', one()], ['services', one()], ['services.loadbalancers', zero()], ['services.nodeports', zero()]]);
    if (svc.spec?.type === 'NodePort') r.set('services.nodeports', newQuantity(ports, 'DecimalSI'));
    if (svc.spec?.type === 'LoadBalancer') {
      r.set('services.nodeports', newQuantity(svc.spec?.allocateLoadBalancerNodePorts === false ? 0 : ports, 'DecimalSI'));
      r.set('services.loadbalancers', one());
    }
    return r;
  },
};

const SC_SUFFIX = '.storageclass.storage.k8s.io/';
const pvcEvaluator: Evaluator = {
  matches: (n) =>
    ['persistentvolumeclaims', 'count/persistentvolumeclaims', 'requests.storage'].includes(n) ||
    n.endsWith(`${SC_SUFFIX}persistentvolumeclaims`) ||
    n.endsWith(`${SC_SUFFIX}requests.storage`),
  usage(pvc) {
    const r: QuantityMap = new Map([['persistentvolumeclaims', one()], ['count/persistentvolumeclaims', one()]]);
    const sc: string = pvc.spec?.storageClassName ?? pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
    if (sc) r.set(`${sc}${SC_SUFFIX}persistentvolumeclaims`, one());
    let storage: Quantity | undefined;
    try {
      const raw = pvc.spec?.resources?.requests?.storage;
      storage = raw == null ? undefined : parseQuantity(raw);
    } catch {
      storage = undefined;
    }
    if (storage) {
      r.set('requests.storage', storage);
      if (sc) r.set(`${sc}${SC_SUFFIX}requests.storage`, storage);
    }
    return r;
  },
};

// Object-count evaluators: `count/<resource>[.<group>]`, plus the legacy bare names.
const LEGACY = new Set(['configmaps', 'secrets', 'replicationcontrollers', 'resourcequotas']);
function objectCountEvaluator(group: string, plural: string): Evaluator {
  const countName = group ? `count/${plural}.${group}` : `count/${plural}`;
  const legacy = !group && LEGACY.has(plural) ? plural : undefined;
  return {
    matches: (n) => n === countName || n === legacy,
    usage() {
      const r: QuantityMap = new Map([[countName, one()]]);
      if (legacy) r.set(legacy, one());
      return r;
    },
  };
}

// Resources quota never charges (virtual or historically exempt).
const IGNORED = new Set(['events', 'events.k8s.io/events', 'bindings', 'componentstatuses']);

/** The evaluator for a resource, or undefined when quota ignores it. */
export function evaluatorFor(group: string, plural: string): Evaluator | undefined {
  const key = group ? `${group}/${plural}` : plural;
  if (IGNORED.has(key)) return undefined;
  if (!group && plural === 'pods') return podEvaluator;
  if (!group && plural === 'services') return serviceEvaluator;
  if (!group && plural === 'persistentvolumeclaims') return pvcEvaluator;
  return objectCountEvaluator(group, plural);
}
