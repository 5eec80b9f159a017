/**
 * The Service REST layer around the generic store (pkg/registry/core/service/storage, v1.32):
 * clusterIP/clusterIPs normalisation, IP family defaulting for this single-stack IPv4 cluster, and
 * ClusterIP / NodePort / health-check port allocation on create, update and delete.
 *
 * Upstream allocates in BeginCreate, *before* validation, and rolls back on failure. Our hooks have
 * no rollback, so user-requested values are reserved first (their errors win, as upstream), the
 * object is then validated here, and only a valid object gets automatic allocations.
 */
import { apiErrors, fieldErr, type FieldError } from '../../../api/errors';
import { isIPv4, parseIPSloppy } from '../../../api/ip';
import type { KObject } from '../../../api/types';
import { validateObjectMeta } from '../../../api/validation';
import type { Allocators, RequestContext } from '../../types';
import { arr, goTypedSlice, rawInvalid, type Json } from './helpers';
import {
  needsHealthCheck,
  serviceNameErrors,
  validateClusterIPsRelated,
  validateServiceSpec,
  validateServiceUpdateFields,
} from './service-validation';

const needsClusterIP = (o: Json) => o.spec?.type !== 'ExternalName';
const needsNodePort = (o: Json) => o.spec?.type === 'NodePort' || o.spec?.type === 'LoadBalancer';
const shouldAllocateNodePorts = (o: Json) =>
  o.spec?.type === 'NodePort' || (o.spec?.type === 'LoadBalancer' && o.spec?.allocateLoadBalancerNodePorts !== false);
const familyOf = (ip: string) => (isIPv4(ip) ? 'IPv4' : 'IPv6');
const sameList = (a: unknown, b: unknown) => JSON.stringify(arr(a)) === JSON.stringify(arr(b));
const invalid = (o: KObject, errs: FieldError[]) => apiErrors.invalid('Service', '', o.metadata.name ?? '', errs);

/** svcutil.NormalizeClusterIPs: keeps the singular and plural fields in step (old is undefined on create). */
export function normalizeClusterIPs(o: Json, old?: Json): void {
  const spec = o.spec;
  if (!old) {
    if (spec.clusterIP && !arr(spec.clusterIPs).length) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  const same = sameList(old.spec?.clusterIPs, spec.clusterIPs);
  if (arr(old.spec?.clusterIPs).length && !arr(spec.clusterIPs).length && (old.spec?.clusterIP ?? '') === (spec.clusterIP ?? ''))
    spec.clusterIPs = old.spec.clusterIPs;
  if ((old.spec?.clusterIP ?? '') !== (spec.clusterIP ?? '')) {
    if (old.spec?.clusterIP && !spec.clusterIP) {
      if (same) delete spec.clusterIPs;
    } else if (same) spec.clusterIPs = [spec.clusterIP];
  }
}

/** dropTypeDependentFields: on a type change, clears values the user did not touch that no longer apply. */
function dropTypeDependentFields(o: Json, old: Json): void {
  const spec = o.spec;
  if (needsClusterIP(old) && !needsClusterIP(o)) {
    if (sameList(old.spec.clusterIPs, spec.clusterIPs) && (old.spec.clusterIP ?? '') === (spec.clusterIP ?? '')) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameList(old.spec.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
    if ((old.spec.ipFamilyPolicy ?? null) === (spec.ipFamilyPolicy ?? null)) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(old) && !needsNodePort(o)) {
    const np = (x: Json) => JSON.stringify(arr(x.spec.ports).map((p) => p?.nodePort ?? 0));
    if (np(old) === np(o)) for (const p of arr(spec.ports)) delete p.nodePort;
  }
  if (old.spec.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts != null && spec.allocateLoadBalancerNodePorts === old.spec.allocateLoadBalancerNodePorts)
      delete spec.allocateLoadBalancerNodePorts;
    if ((old.spec.loadBalancerClass ?? null) === (spec.loadBalancerClass ?? null)) delete spec.loadBalancerClass;
  }
  if (needsHealthCheck(old) && !needsHealthCheck(o) && (old.spec.healthCheckNodePort ?? 0) === (spec.healthCheckNodePort ?? 0))
    delete spec.healthCheckNodePort;
  const accessible = (x: Json) => ['LoadBalancer', 'NodePort'].includes(x.spec.type) || (x.spec.type === 'ClusterIP' && arr(x.spec.externalIPs).length > 0);
  if (accessible(old) && !accessible(o) && old.spec.externalTrafficPolicy === spec.externalTrafficPolicy) delete spec.externalTrafficPolicy;
}

/** patchAllocatedValues: a PUT without clusterIP/nodePorts keeps the allocated ones. */
function patchAllocatedValues(o: Json, old: Json): void {
  const spec = o.spec;
  if (needsClusterIP(old) && needsClusterIP(o)) {
    if (!spec.clusterIP && old.spec.clusterIP) spec.clusterIP = old.spec.clusterIP;
    if (!arr(spec.clusterIPs).length && arr(old.spec.clusterIPs).length) spec.clusterIPs = [...old.spec.clusterIPs];
  }
  if (needsNodePort(old) && needsNodePort(o)) {
    const used = new Set(arr(spec.ports).map((p) => p?.nodePort).filter(Boolean));
    const byName = new Map<string, number>(arr(old.spec.ports).map((p) => [p?.name ?? '', p?.nodePort ?? 0]));
    for (const p of arr(spec.ports)) {
      const prev = byName.get(p?.name ?? '') ?? 0;
      if (!p.nodePort && prev && !used.has(prev)) p.nodePort = prev;
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(o) && !spec.healthCheckNodePort && old.spec.healthCheckNodePort)
    spec.healthCheckNodePort = old.spec.healthCheckNodePort;
}

/** initIPFamilyFields for a cluster whose only service family is IPv4. Throws upstream's 422s. */
function initIPFamilyFields(o: KObject, old?: Json): void {
  const spec = o.spec;
  if (spec.type === 'ExternalName') return;
  const headlessNoSelector = spec.clusterIP === 'None' && !Object.keys(spec.selector ?? {}).length;
  if (spec.ipFamilyPolicy == null) {
    if (old?.spec?.ipFamilyPolicy != null) spec.ipFamilyPolicy = old.spec.ipFamilyPolicy;
    else spec.ipFamilyPolicy = headlessNoSelector ? 'RequireDualStack' : 'SingleStack';
  }
  // the loose pre-validation upstream runs before defaulting families
  const pre = validateClusterIPsRelated(o);
  if (pre.length) throw invalid(o, pre);
  const errs: FieldError[] = [];
  if (spec.ipFamilyPolicy === 'SingleStack') {
    if (arr(spec.clusterIPs).length === 2)
      errs.push(fieldErr.invalid('spec.ipFamilyPolicy', 'SingleStack', "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
    if (arr(spec.ipFamilies).length === 2)
      errs.push(fieldErr.invalid('spec.ipFamilyPolicy', 'SingleStack', "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
  }
  const ips: string[] = arr(spec.clusterIPs);
  for (let i = 0; i < ips.length && ips[i] !== 'None'; i++) {
    if (i < arr(spec.ipFamilies).length) continue;
    const fam = familyOf(ips[i]!);
    if (fam !== 'IPv4') errs.push(rawInvalid(`spec.clusterIPs[${i}]`, goTypedSlice('string', ips), `${fam} is not configured on this cluster`));
    else spec.ipFamilies = [...arr(spec.ipFamilies), fam];
  }
  if (errs.length) throw invalid(o, errs);
  if (headlessNoSelector) {
    if (!arr(spec.ipFamilies).length) spec.ipFamilies = ['IPv4'];
    // headless selectorless services may be dual-stack even on a single-stack cluster
    if (spec.ipFamilies.length < 2 && spec.ipFamilyPolicy !== 'SingleStack')
      spec.ipFamilies = [...spec.ipFamilies, spec.ipFamilies[0] === 'IPv4' ? 'IPv6' : 'IPv4'];
    return;
  }
  if (spec.ipFamilyPolicy === 'RequireDualStack')
    errs.push(fieldErr.invalid('spec.ipFamilyPolicy', 'RequireDualStack', 'this cluster is not configured for dual-stack services'));
  arr(spec.ipFamilies).forEach((f, i) => f !== 'IPv4' && errs.push(fieldErr.invalid(`spec.ipFamilies[${i}]`, f, 'not configured on this cluster')));
  if (errs.length) throw invalid(o, errs);
  if (!arr(spec.ipFamilies).length) spec.ipFamilies = ['IPv4'];
}

/** A record of what one request reserved, so a failure can hand it all back. */
class Reservations {
  ips: string[] = [];
  ports: number[] = [];
  constructor(private readonly alloc: Allocators) {}
  ip(ip: string, o: KObject): void {
    const err = this.alloc.reserveClusterIP(ip);
    if (err) this.fail(invalid(o, [rawInvalid('spec.clusterIPs', goTypedSlice('string', o.spec.clusterIPs), err)]));
    this.ips.push(ip);
  }
  port(port: number, field: string, o: KObject): void {
    const err = this.alloc.reserveNodePort(port);
    if (err) this.fail(invalid(o, [fieldErr.invalid(field, port, err)]));
    this.ports.push(port);
  }
  nextIP(): string {
    return this.guard(() => this.alloc.clusterIP(), (ip) => this.ips.push(ip));
  }
  nextPort(): number {
    return this.guard(() => this.alloc.nodePort(), (p) => this.ports.push(p));
  }
  rollback(): void {
    for (const ip of this.ips) this.alloc.releaseClusterIP(ip);
    for (const p of this.ports) this.alloc.releaseNodePort(p);
    this.ips = [];
    this.ports = [];
  }
  fail(e: Error): never {
    this.rollback();
    throw e;
  }
  private guard<T>(f: () => T, keep: (v: T) => void): T {
    try {
      const v = f();
      keep(v);
      return v;
    } catch (e) {
      this.fail(e as Error);
    }
  }
}

const wantsIP = (o: Json) => needsClusterIP(o) && arr(o.spec.clusterIPs)[0] !== 'None';

/** Reserves requested node ports (ports sharing a port number share a node port, as initNodePorts does). */
function reserveRequestedPorts(o: KObject, r: Reservations, have: Set<number>): void {
  if (!needsNodePort(o)) return;
  arr(o.spec.ports).forEach((p, i) => {
    if (p?.nodePort && !have.has(p.nodePort)) {
      r.port(p.nodePort, `spec.ports[${i}].nodePort`, o);
      have.add(p.nodePort);
    }
  });
  const hc = o.spec.healthCheckNodePort;
  if (needsHealthCheck(o) && hc && !have.has(hc)) {
    r.port(hc, 'spec.healthCheckNodePort', o);
    have.add(hc);
  }
}

function allocateMissing(o: KObject, r: Reservations): void {
  const spec = o.spec;
  if (wantsIP(o) && !arr(spec.clusterIPs).length) {
    const ip = r.nextIP();
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
  }
  if (needsNodePort(o)) {
    const byPort = new Map<number, number>();
    for (const p of arr(spec.ports)) if (p?.nodePort) byPort.set(p.port, byPort.get(p.port) ?? p.nodePort);
    for (const p of arr(spec.ports)) {
      if (p.nodePort || !shouldAllocateNodePorts(o)) continue;
      p.nodePort = byPort.get(p.port) ?? r.nextPort();
      byPort.set(p.port, p.nodePort);
    }
  }
  if (needsHealthCheck(o) && !spec.healthCheckNodePort) spec.healthCheckNodePort = r.nextPort();
}

/** True when the create would fail later anyway (namespace gone, name taken): allocate nothing. */
function doomed(o: KObject, ctx: RequestContext): boolean {
  const ns = ctx.get('namespaces', undefined, o.metadata.namespace ?? '');
  return !ns || !!ns.metadata.deletionTimestamp || !!ctx.get('services', o.metadata.namespace, o.metadata.name ?? '');
}

/** BeginCreate: normalise, default IP families, reserve and allocate (before the generic validation). */
export function allocateOnCreate(o: KObject, ctx: RequestContext): void {
  normalizeClusterIPs(o);
  if (doomed(o, ctx)) return;
  initIPFamilyFields(o);
  const r = new Reservations(ctx.allocators);
  if (wantsIP(o)) for (const ip of arr(o.spec.clusterIPs)) if (parseIPSloppy(ip)) r.ip(ip, o);
  reserveRequestedPorts(o, r, new Set());
  const errs = [...validateObjectMeta(o.metadata, { namespaced: true }), ...serviceNameErrors(o), ...validateServiceSpec(o)];
  if (errs.length) return r.rollback(); // the server's validation reports these
  allocateMissing(o, r);
}

/** BeginUpdate: keep allocated values, follow type changes, reserve new and release dropped values. */
export function allocateOnUpdate(o: KObject, old: KObject, ctx: RequestContext): void {
  normalizeClusterIPs(o, old);
  dropTypeDependentFields(o, old);
  patchAllocatedValues(o, old);
  initIPFamilyFields(o, old);
  if (validateServiceSpec(o).length || validateServiceUpdateFields(o, old).length) return;
  const r = new Reservations(ctx.allocators);
  const oldIPs = wantsIP(old) ? arr(old.spec.clusterIPs) : [];
  if (wantsIP(o)) for (const ip of arr(o.spec.clusterIPs)) if (!oldIPs.includes(ip) && parseIPSloppy(ip)) r.ip(ip, o);
  reserveRequestedPorts(o, r, new Set(heldPorts(old)));
  allocateMissing(o, r);
  // success: hand back what the old object held and the new one dropped
  const keepIPs = wantsIP(o) ? arr(o.spec.clusterIPs) : [];
  for (const ip of oldIPs) if (!keepIPs.includes(ip)) ctx.allocators.releaseClusterIP(ip);
  const keepPorts = new Set(heldPorts(o));
  for (const p of heldPorts(old)) if (!keepPorts.has(p)) ctx.allocators.releaseNodePort(p);
}

/** The node ports a stored service holds (ports and health check). */
function heldPorts(o: Json): number[] {
  const out = needsNodePort(o) ? arr(o.spec?.ports).map((p) => p?.nodePort).filter((n): n is number => !!n) : [];
  if (needsHealthCheck(o) && o.spec?.healthCheckNodePort) out.push(o.spec.healthCheckNodePort);
  return out;
}

/** AfterDelete: frees the cluster IPs and node ports of a deleted service. */
export function releaseService(o: KObject, alloc: Allocators): void {
  if (wantsIP(o)) for (const ip of arr(o.spec?.clusterIPs)) if (familyOf(ip) === 'IPv4') alloc.releaseClusterIP(ip);
  for (const p of heldPorts(o)) alloc.releaseNodePort(p);
}
