/**
 * Which Services select a pod, without scanning: every Service with a selector is filed under one
 * `namespace + key=value` term of its selector (the smallest key), so a pod event only looks at the
 * Services filed under its own labels. Also remembers each pod's last memberships and a
 * fingerprint of the fields endpoints depend on, so a pod change enqueues old ∪ new Services and
 * irrelevant changes enqueue nothing (upstream's podEndpointsChanged).
 */
import type { KObject } from '../../api/types';
import { keyOf } from '../types';
import { podIPv4 } from './podutil';

/** A Service the endpoint controllers manage: it has a selector and is not ExternalName. */
export function managedSelector(svc: KObject): Record<string, string> | undefined {
  const sel = svc.spec?.selector;
  if (!sel || typeof sel !== 'object' || svc.spec?.type === 'ExternalName') return undefined;
  return sel as Record<string, string>;
}

function selects(sel: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  for (const k in sel) if (labels?.[k] !== sel[k]) return false;
  return true;
}

/** The fields of a pod that end up in Endpoints / EndpointSlices. */
export function podFingerprint(pod: KObject): string {
  const ready = (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
  return [
    podIPv4(pod),
    ready?.status ?? '',
    ready?.lastTransitionTime ?? '',
    pod.metadata.deletionTimestamp ? 'T' : '',
    pod.status?.phase ?? '',
    pod.spec?.nodeName ?? '',
    pod.spec?.hostname ?? '',
    pod.spec?.subdomain ?? '',
  ].join('|');
}

export class ServiceMembership {
  private selectors = new Map<string, { ns: string; sel: Record<string, string>; term: string }>();
  private byTerm = new Map<string, Set<string>>();
  /** Managed Services per namespace: pods of a namespace without any skip the term lookups. */
  private perNamespace = new Map<string, number>();
  private pods = new Map<string, { services: string[]; fp: string }>();
  /** Pods with a membership, per namespace. */
  private membersPerNs = new Map<string, number>();

  /** Records (or forgets, when unmanaged) a Service's selector. */
  setService(svc: KObject): void {
    const key = keyOf(svc);
    this.deleteService(key);
    const sel = managedSelector(svc);
    if (!sel) return;
    const ns = svc.metadata.namespace ?? '';
    const first = Object.keys(sel).sort()[0];
    const term = first === undefined ? `${ns}\0*` : `${ns}\0${first}=${sel[first]}`;
    this.selectors.set(key, { ns, sel, term });
    this.perNamespace.set(ns, (this.perNamespace.get(ns) ?? 0) + 1);
    let s = this.byTerm.get(term);
    if (!s) this.byTerm.set(term, (s = new Set()));
    s.add(key);
  }

  deleteService(key: string): void {
    const prev = this.selectors.get(key);
    if (!prev) return;
    this.selectors.delete(key);
    const n = (this.perNamespace.get(prev.ns) ?? 1) - 1;
    if (n > 0) this.perNamespace.set(prev.ns, n);
    else this.perNamespace.delete(prev.ns);
    const s = this.byTerm.get(prev.term);
    if (s && s.delete(key) && s.size === 0) this.byTerm.delete(prev.term);
  }

  /** Service keys whose selector matches the pod's labels (candidates from the term index only). */
  servicesFor(pod: KObject): string[] {
    const ns = pod.metadata.namespace ?? '';
    if (!this.perNamespace.has(ns)) return [];
    const labels = pod.metadata.labels ?? {};
    const out: string[] = [];
    const consider = (term: string) => {
      for (const key of this.byTerm.get(term) ?? []) {
        const e = this.selectors.get(key)!;
        if (selects(e.sel, labels)) out.push(key);
      }
    };
    consider(`${ns}\0*`);
    for (const k in labels) consider(`${ns}\0${k}=${labels[k]}`);
    return out;
  }

  /**
   * A pod was added or changed: the Services to sync (previous and current memberships), or none
   * when neither its memberships nor its endpoint-relevant fields changed.
   */
  podChanged(pod: KObject): string[] {
    // Most pod events come from namespaces without Services or member pods: no work at all.
    const ns = pod.metadata.namespace ?? '';
    if (!this.perNamespace.has(ns) && !this.membersPerNs.has(ns)) return [];
    const key = keyOf(pod);
    const services = this.servicesFor(pod);
    const prev = this.pods.get(key);
    if (services.length === 0 && !prev) return [];
    const fp = podFingerprint(pod);
    if (services.length) this.setMember(key, ns, { services, fp });
    else this.deleteMember(key, ns);
    if (prev && prev.fp === fp && sameSet(prev.services, services)) return [];
    return union(prev?.services ?? [], services);
  }

  podDeleted(pod: KObject): string[] {
    const key = keyOf(pod);
    const prev = this.pods.get(key);
    this.deleteMember(key, pod.metadata.namespace ?? '');
    return union(prev?.services ?? [], this.servicesFor(pod));
  }

  private setMember(key: string, ns: string, m: { services: string[]; fp: string }): void {
    if (!this.pods.has(key)) this.membersPerNs.set(ns, (this.membersPerNs.get(ns) ?? 0) + 1);
    this.pods.set(key, m);
  }

  private deleteMember(key: string, ns: string): void {
    if (!this.pods.delete(key)) return;
    const n = (this.membersPerNs.get(ns) ?? 1) - 1;
    if (n > 0) this.membersPerNs.set(ns, n);
    else this.membersPerNs.delete(ns);
  }
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function union(a: string[], b: string[]): string[] {
  return a.length === 0 ? b : [...new Set([...a, ...b])];
}
