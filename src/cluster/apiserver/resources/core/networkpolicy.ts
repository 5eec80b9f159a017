import { fieldErr, type FieldError } from '../../../api/errors';
import { formatLabelSelector } from '../../../api/labels';
import { isValidPortName, isValidPortNum, validateLabelSelector } from '../../../api/validation';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { age, arr, goTypedSlice, invalidEach, isValidCIDR, parseCIDRSloppy, rawInvalid, str, type Json } from './helpers';

function validatePort(port: Json, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (port?.protocol != null && !['TCP', 'UDP', 'SCTP'].includes(port.protocol))
    errs.push(fieldErr.notSupported(`${p}.protocol`, port.protocol, ['TCP', 'UDP', 'SCTP']));
  const end = port?.endPort;
  if (port?.port != null) {
    if (typeof port.port === 'number') {
      errs.push(...invalidEach(`${p}.port`, port.port, isValidPortNum(port.port)));
      if (end != null) {
        if (end < port.port) errs.push(fieldErr.invalid(`${p}.endPort`, end, 'must be greater than or equal to `port`'));
        errs.push(...invalidEach(`${p}.endPort`, end, isValidPortNum(end)));
      }
    } else {
      if (end != null) errs.push(fieldErr.invalid(`${p}.endPort`, end, 'may not be specified when `port` is non-numeric'));
      errs.push(...invalidEach(`${p}.port`, str(port.port), isValidPortName(str(port.port))));
    }
  } else if (end != null) errs.push(fieldErr.invalid(`${p}.endPort`, end, 'may not be specified when `port` is not specified'));
  return errs;
}

// Does the IPv4/IPv6 network `outer` strictly contain `inner`?
function strictSubset(outer: string, inner: string): boolean {
  const a = parseCIDRSloppy(outer)!;
  const b = parseCIDRSloppy(inner)!;
  if (a.v4 !== b.v4) return false;
  const offset = a.v4 ? 12 : 0;
  const bits = a.bits;
  for (let i = 0; i < bits; i++) {
    const byte = offset + (i >> 3);
    const mask = 0x80 >> (i & 7);
    if ((a.ip[byte]! & mask) !== (b.ip[byte]! & mask)) return false;
  }
  return a.bits < b.bits;
}

function validatePeer(peer: Json, p: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  if (peer?.podSelector != null) {
    n++;
    errs.push(...validateLabelSelector(peer.podSelector, `${p}.podSelector`));
  }
  if (peer?.namespaceSelector != null) {
    n++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, `${p}.namespaceSelector`));
  }
  if (peer?.ipBlock != null) {
    n++;
    const cidr = str(peer.ipBlock.cidr);
    if (!cidr) errs.push(fieldErr.required(`${p}.ipBlock.cidr`, ''));
    else {
      const bad = isValidCIDR(`${p}.ipBlock.cidr`, cidr);
      errs.push(...bad);
      if (!bad.length)
        arr(peer.ipBlock.except).forEach((ex, i) => {
          const f = `${p}.ipBlock.except[${i}]`;
          const e = isValidCIDR(f, str(ex));
          errs.push(...e);
          if (!e.length && !strictSubset(cidr, str(ex))) errs.push(fieldErr.invalid(f, str(ex), 'must be a strict subset of `cidr`'));
        });
    }
  }
  if (!n) errs.push(fieldErr.required(p, 'must specify a peer'));
  else if (n > 1 && peer.ipBlock != null) errs.push(fieldErr.forbidden(p, 'may not specify both ipBlock and another peer'));
  return errs;
}

/** ValidateNetworkPolicySpec. */
export function validateNetworkPolicySpec(spec: Json): FieldError[] {
  const errs = validateLabelSelector(spec.podSelector ?? {}, 'spec.podSelector');
  for (const [dir, peers] of [['ingress', 'from'], ['egress', 'to']] as const)
    arr(spec[dir]).forEach((rule, i) => {
      const p = `spec.${dir}[${i}]`;
      arr(rule?.ports).forEach((port, j) => errs.push(...validatePort(port, `${p}.ports[${j}]`)));
      arr(rule?.[peers]).forEach((peer, j) => errs.push(...validatePeer(peer, `${p}.${peers}[${j}]`)));
    });
  const types = arr(spec.policyTypes);
  if (types.length > 2) return [...errs, rawInvalid('spec.policyTypes', goTypedSlice('networking.PolicyType', types), 'may not specify more than two policyTypes')];
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(fieldErr.notSupported(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress']));
  });
  return errs;
}

/** networking.k8s.io/v1 NetworkPolicy. */
export const networkPolicies = defineResource({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'NetworkPolicy',
  plural: 'networkpolicies',
  singular: 'networkpolicy',
  shortNames: ['netpol'],
  namespaced: true,
  tracksGeneration: true,
  defaults(o) {
    const spec = (o.spec ??= {});
    spec.podSelector ??= {};
    for (const dir of ['ingress', 'egress']) for (const rule of arr(spec[dir])) for (const port of arr(rule?.ports)) if (port) port.protocol ??= 'TCP';
    // no policyTypes means Ingress, plus Egress when egress rules exist
    if (!arr(spec.policyTypes).length) spec.policyTypes = arr(spec.egress).length ? ['Ingress', 'Egress'] : ['Ingress'];
  },
  validate: (o) => validateNetworkPolicySpec(o.spec ?? {}),
  columns: [nameColumn, col('Pod-Selector', 'string', 0, 'podSelector selects the pods to which this NetworkPolicy object applies.'), ageColumn],
  row: (o, now) => [o.metadata.name, formatLabelSelector(o.spec?.podSelector), age(o, now)],
});
