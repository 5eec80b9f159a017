import { fieldErr, FieldErrorType, type FieldError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import { isValidLabelValue, validateLabelName } from '../../../api/validation';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { age, arr, canonicalResourceList, goQ, isValidCIDR, parseCIDRSloppy, rawErr, str, updateChecksFirst, type Json } from './helpers';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** %#v of a core.Taint (TimeAdded is a pointer, printed as nil or an address). */
const goTaint = (t: Json) =>
  `core.Taint{Key:${goQ(t?.key)}, Value:${goQ(t?.value)}, Effect:${goQ(t?.effect)}, TimeAdded:${t?.timeAdded ? '(*v1.Time)(0xc000010000)' : '(*v1.Time)(nil)'}}`;

/**
 * validateNodeTaints. Upstream passes the *metadata* path, so errors read `metadata.taints[0]...`
 * even though the taints live in spec — reproduced on purpose.
 */
export function validateNodeTaints(taints: Json[], path = 'metadata.taints'): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Map<string, Set<string>>();
  taints.forEach((t, i) => {
    const p = `${path}[${i}]`;
    const key = str(t?.key);
    errs.push(...validateLabelName(key, `${p}.key`));
    const valueMsgs = isValidLabelValue(str(t?.value));
    if (valueMsgs.length) errs.push(fieldErr.invalid(`${p}.value`, str(t?.value), valueMsgs.join(';')));
    const effect = str(t?.effect);
    if (!effect) errs.push(fieldErr.required(`${p}.effect`, ''));
    else if (!TAINT_EFFECTS.includes(effect)) errs.push(fieldErr.notSupported(`${p}.effect`, effect, TAINT_EFFECTS));
    const keys = seen.get(effect) ?? new Set<string>();
    if (keys.has(key)) {
      errs.push(rawErr(FieldErrorType.Duplicate, p, goTaint(t), 'taints must be unique by key and effect pair'));
      return;
    }
    keys.add(key);
    seen.set(effect, keys);
  });
  return errs;
}

function validatePodCIDRs(cidrs: string[]): FieldError[] {
  const errs: FieldError[] = [];
  cidrs.forEach((c, i) => errs.push(...isValidCIDR(`spec.podCIDRs[${i}]`, c)));
  if (cidrs.length > 1 && !errs.length) {
    const fams = cidrs.map((c) => parseCIDRSloppy(c)!.v4);
    const dual = cidrs.length === 2 && fams[0] !== fams[1];
    if (!dual) errs.push(fieldErr.invalid('spec.podCIDRs', cidrs, 'may specify no more than one CIDR for each IP family'));
  }
  return errs;
}

function validateNodeUpdate(o: KObject, old: KObject): FieldError[] {
  const errs: FieldError[] = [];
  const was = arr(old.spec?.podCIDRs);
  const now = arr(o.spec?.podCIDRs);
  if (was.length && (was.length !== now.length || was.some((c, i) => c !== now[i])))
    errs.push(fieldErr.forbidden('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid'));
  const oldProvider = str(old.spec?.providerID);
  if (oldProvider && oldProvider !== str(o.spec?.providerID))
    errs.push(fieldErr.forbidden('spec.providerID', 'node updates may not change providerID except from "" to valid'));
  return errs;
}

/** Ready/NotReady/Unknown from the Ready condition, plus SchedulingDisabled (printers.go printNode). */
export function nodeStatusCell(o: KObject): string {
  const ready = arr(o.status?.conditions).find((c) => c?.type === 'Ready');
  const parts: string[] = [];
  if (ready) parts.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  else parts.push('Unknown');
  if (o.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role` values, sorted. */
export function nodeRoles(o: KObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(o.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort().join(',') || '<none>';
}

const address = (o: KObject, type: string): string =>
  arr(o.status?.addresses).find((a) => a?.type === type)?.address ?? '<none>';
const orUnknown = (s: unknown): string => (typeof s === 'string' && s ? s : '<unknown>');

// v1 keeps podCIDR as a mirror of podCIDRs[0] (the internal type has only the list).
function syncPodCIDR(spec: Json): void {
  const list = arr(spec.podCIDRs);
  if (!list.length && spec.podCIDR) spec.podCIDRs = [spec.podCIDR];
  else if (list.length) spec.podCIDR = list[0];
}

/** core/v1 Node: cluster-scoped; the kubelet writes status, users mostly taint and cordon. */
export const nodes = defineResource({
  group: '',
  version: 'v1',
  kind: 'Node',
  plural: 'nodes',
  singular: 'node',
  shortNames: ['no'],
  namespaced: false,
  subresources: ['proxy', 'status'],
  hasStatus: true,
  defaults(o) {
    const spec = (o.spec ??= {});
    syncPodCIDR(spec);
    if (o.status) {
      canonicalResourceList(o.status.capacity);
      canonicalResourceList(o.status.allocatable);
      // SetDefaults_NodeStatus: allocatable defaults to capacity
      if (o.status.allocatable == null && o.status.capacity != null) o.status.allocatable = { ...o.status.capacity };
    }
  },
  // ValidateNodeUpdate does not re-run ValidateNode: its own checks, then the taints
  ...updateChecksFirst(
    'nodes',
    (o) => [...validateNodeTaints(arr(o.spec?.taints)), ...validatePodCIDRs(arr(o.spec?.podCIDRs))],
    validateNodeUpdate,
    (o) => validateNodeTaints(arr(o.spec?.taints)),
  ),
  fieldSelectors: { 'spec.unschedulable': (o) => String(!!o.spec?.unschedulable) },
  columns: [
    nameColumn,
    col('Status', 'string', 0, 'The status of the node'),
    col('Roles', 'string', 0, 'The roles of the node'),
    ageColumn,
    col('Version', 'string', 0, 'Kubelet Version reported by the node.'),
    col('Internal-IP', 'string', 1, 'List of addresses reachable to the node.'),
    col('External-IP', 'string', 1, 'List of addresses reachable to the node.'),
    col('OS-Image', 'string', 1, 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).'),
    col('Kernel-Version', 'string', 1, "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."),
    col('Container-Runtime', 'string', 1, 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).'),
  ],
  row: (o, now) => {
    const info = o.status?.nodeInfo ?? {};
    return [
      o.metadata.name,
      nodeStatusCell(o),
      nodeRoles(o),
      age(o, now),
      str(info.kubeletVersion),
      address(o, 'InternalIP'),
      address(o, 'ExternalIP'),
      orUnknown(info.osImage),
      orUnknown(info.kernelVersion),
      orUnknown(info.containerRuntimeVersion),
    ];
  },
});
