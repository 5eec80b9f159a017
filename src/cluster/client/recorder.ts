import type { KObject } from '../api/types';
import type { Client } from './client';

export type EventType = 'Normal' | 'Warning';

interface Series {
  name: string;
  namespace: string;
  count: number;
}

/**
 * Records core/v1 Events through the API like client-go's recorder: events with the same source,
 * object, type, reason and message are folded into one Event whose count and lastTimestamp grow
 * (what `describe` shows as `(x3 over 2m)`).
 */
export class EventRecorder {
  private series = new Map<string, Series>();
  /**
   * Series keys in insertion order, as a ring: the oldest is forgotten once 4,096 are kept. (Asking
   * the Map for its first key instead walks over every deleted entry still in its table.)
   */
  private readonly order: string[] = new Array(MAX_SERIES);
  private next = 0;
  /**
   * Parts that repeat from Event to Event, kept as one frozen value each: a component's source, an
   * object's reference (a pod's Pulled, Created and Started name the same pod version), a message.
   * A pod gets about five Events, so at 150,000 pods each shared part counts.
   */
  private readonly sources = new Map<string, Map<string, object>>();
  private lastRef?: { obj: KObject; fieldPath: string | undefined; ref: object };
  private messages = new Map<string, string>();

  constructor(
    private readonly client: Client,
    private readonly hex: () => string,
  ) {}

  private remember(key: string): void {
    const oldest = this.order[this.next];
    if (oldest !== undefined) this.series.delete(oldest);
    this.order[this.next] = key;
    this.next = (this.next + 1) % MAX_SERIES;
  }

  event(obj: KObject, type: EventType, reason: string, message: string, component: string, host?: string, fieldPath?: string): void {
    const ns = obj.metadata.namespace || 'default';
    const now = this.client.api.ctx.now;
    const uid = obj.metadata.uid ?? '';
    const key = `${component}|${host ?? ''}|${uid}|${fieldPath ?? ''}|${type}|${reason}|${message}`;
    const prev = this.series.get(key);
    try {
      const live = prev && this.client.get('events', prev.namespace, prev.name);
      if (prev && live) {
        prev.count++;
        // What client-go's PATCH of {count, lastTimestamp} yields, written as a PUT of the live Event
        // with those two fields replaced: the unchanged parts stay shared instead of copied.
        this.client.update('events', { ...live, metadata: { ...live.metadata }, count: prev.count, lastTimestamp: now }, OWNED);
        return;
      }
      const name = `${obj.metadata.name}.${this.hex()}`;
      this.client.create(
        'events',
        {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace: ns },
          involvedObject: this.reference(obj, uid, fieldPath),
          reason,
          message: this.message(message),
          source: this.source(component, host),
          firstTimestamp: now,
          lastTimestamp: now,
          count: 1,
          type,
          eventTime: null,
          reportingComponent: component,
          reportingInstance: host ?? '',
        },
        OWNED,
      );
      if (!prev) this.remember(key); // a new key (a known one keeps its place, as in a Map)
      this.series.set(key, { name, namespace: ns, count: 1 });
    } catch {
      // Events are best effort, as upstream: a failed event never fails the caller.
    }
  }

  private source(component: string, host: string | undefined): object {
    let byHost = this.sources.get(component);
    if (!byHost) this.sources.set(component, (byHost = new Map()));
    let s = byHost.get(host ?? '');
    if (!s) byHost.set(host ?? '', (s = Object.freeze(host ? { component, host } : { component })));
    return s;
  }

  private message(m: string): string {
    const known = this.messages.get(m);
    if (known !== undefined) return known;
    if (this.messages.size >= MAX_SERIES) this.messages = new Map();
    this.messages.set(m, m);
    return m;
  }

  /** Events about the same object version in a row (a kubelet's Pulled, Created, Started) share one reference. */
  private reference(obj: KObject, uid: string, fieldPath: string | undefined): object {
    const last = this.lastRef;
    if (last && last.obj === obj && last.fieldPath === fieldPath) return last.ref;
    const ref = Object.freeze(involvedObject(obj, uid, fieldPath));
    // Only a stored (frozen) object is surely the same version next time.
    this.lastRef = Object.isFrozen(obj) ? { obj, fieldPath, ref } : undefined;
    return ref;
  }
}

const MAX_SERIES = 4096;

/** The recorder builds each Event body for one write: the API server may keep it as is. */
const OWNED = { owned: true };

/** The ObjectReference, built field by field in JSON order, leaving out what the object lacks (no undefined keys to strip). */
function involvedObject(obj: KObject, uid: string, fieldPath: string | undefined): Record<string, unknown> {
  const ref: Record<string, unknown> = {};
  if (obj.kind !== undefined) ref.kind = obj.kind;
  if (obj.metadata.namespace !== undefined) ref.namespace = obj.metadata.namespace;
  if (obj.metadata.name !== undefined) ref.name = obj.metadata.name;
  ref.uid = uid;
  if (obj.apiVersion !== undefined) ref.apiVersion = obj.apiVersion;
  if (obj.metadata.resourceVersion !== undefined) ref.resourceVersion = obj.metadata.resourceVersion;
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}
