/**
 * The shape of the UI's read-only mirror of the cluster, and the pure function that folds worker
 * deltas into it. Maps are replaced (never mutated) when their kind changed, so subscribers can
 * compare by reference; untouched kinds keep their identity.
 */
import type {
  Activity,
  AuditEntry,
  ClockState,
  EndpointsView,
  EventView,
  MirrorDelta,
  MirrorSnapshot,
  NamespaceView,
  NodeView,
  PodView,
  ServiceView,
  View,
  ViewKind,
  WorkloadView,
} from '../../protocol/views';

export type EngineStatus = 'starting' | 'live' | 'crashed' | 'restarting';

export interface MirrorState {
  /** Whether the worker is alive; `crashed` keeps the last picture. */
  status: EngineStatus;
  /** What went wrong, in the worker's words. */
  error?: string;
  clock: ClockState;
  nodes: ReadonlyMap<string, NodeView>;
  pods: ReadonlyMap<string, PodView>;
  workloads: ReadonlyMap<string, WorkloadView>;
  services: ReadonlyMap<string, ServiceView>;
  endpoints: ReadonlyMap<string, EndpointsView>;
  namespaces: ReadonlyMap<string, NamespaceView>;
  /** Kubernetes Events, oldest first, the newest EVENT_CAP kept. */
  events: readonly EventView[];
  /** Recent attributed writes (control-loop overlay), oldest first. */
  activity: readonly Activity[];
  /** Requests people made (board, kubectl), oldest first. */
  audit: readonly AuditEntry[];
  /** Bumped on every applied batch. */
  version: number;
}

export const EVENT_CAP = 600;
export const ACTIVITY_CAP = 300;
export const AUDIT_CAP = 300;

type MapKey = 'nodes' | 'pods' | 'workloads' | 'services' | 'endpoints' | 'namespaces';

const MAP_OF: Readonly<Record<Exclude<ViewKind, 'Event'>, MapKey>> = {
  Node: 'nodes',
  Pod: 'pods',
  Deployment: 'workloads',
  ReplicaSet: 'workloads',
  StatefulSet: 'workloads',
  DaemonSet: 'workloads',
  Job: 'workloads',
  Service: 'services',
  Endpoints: 'endpoints',
  Namespace: 'namespaces',
};

export function emptyMirror(): MirrorState {
  return {
    status: 'starting',
    clock: { now: 0, start: 0, playing: false, speed: 1, lagging: false },
    nodes: new Map(),
    pods: new Map(),
    workloads: new Map(),
    services: new Map(),
    endpoints: new Map(),
    namespaces: new Map(),
    events: [],
    activity: [],
    audit: [],
    version: 0,
  };
}

/** The mirror as a snapshot describes it (keeps status and the feed of past requests). */
export function fromSnapshot(prev: MirrorState, s: MirrorSnapshot): MirrorState {
  const next = { ...emptyMirror(), status: 'live' as EngineStatus, clock: s.clock, audit: prev.audit, version: prev.version + 1 };
  const maps: Record<MapKey, Map<string, View>> = {
    nodes: new Map(),
    pods: new Map(),
    workloads: new Map(),
    services: new Map(),
    endpoints: new Map(),
    namespaces: new Map(),
  };
  const events: EventView[] = [];
  for (const v of s.views) {
    if (v.kind === 'Event') events.push(v);
    else maps[MAP_OF[v.kind]].set(v.uid, v);
  }
  events.sort((a, b) => a.rv - b.rv);
  return { ...next, ...(maps as unknown as Pick<MirrorState, MapKey>), events: events.slice(-EVENT_CAP) };
}

/** Folds deltas (in order) into the mirror. */
export function applyDeltas(prev: MirrorState, deltas: readonly MirrorDelta[]): MirrorState {
  if (!deltas.length) return prev;
  const copies = new Map<MapKey, Map<string, View>>();
  const writable = (k: MapKey): Map<string, View> => {
    let m = copies.get(k);
    if (!m) copies.set(k, (m = new Map(prev[k] as ReadonlyMap<string, View>)));
    return m;
  };
  // Events: a changed Event moves to the end (newest). Positions by uid, and holes filled in at the
  // end, so a burst of a thousand Events costs a thousand lookups, not a search of the feed each.
  let events: (EventView | undefined)[] | undefined;
  let at: Map<string, number> | undefined;
  const feed = (): [(EventView | undefined)[], Map<string, number>] => {
    if (!events || !at) {
      events = [...prev.events];
      at = new Map();
      for (let i = 0; i < events.length; i++) at.set(events[i]!.uid, i);
    }
    return [events, at];
  };
  const activity: Activity[] = [];
  const audit: AuditEntry[] = [];
  for (const d of deltas) {
    for (const v of d.upserts) {
      if (v.kind === 'Event') {
        const [list, pos] = feed();
        const i = pos.get(v.uid);
        if (i !== undefined) list[i] = undefined;
        pos.set(v.uid, list.length);
        list.push(v);
      } else writable(MAP_OF[v.kind]).set(v.uid, v);
    }
    for (const r of d.removes) {
      if (r.kind === 'Event') {
        const [list, pos] = feed();
        const i = pos.get(r.uid);
        if (i !== undefined) (list[i] = undefined), pos.delete(r.uid);
      } else writable(MAP_OF[r.kind]).delete(r.uid);
    }
    activity.push(...d.activity);
    audit.push(...d.audit);
  }
  const next: MirrorState = { ...prev, clock: deltas[deltas.length - 1].clock, version: prev.version + 1 };
  for (const [k, m] of copies) (next as unknown as Record<MapKey, ReadonlyMap<string, View>>)[k] = m;
  if (events) {
    const list = (events as (EventView | undefined)[]).filter((e): e is EventView => e !== undefined);
    next.events = list.length > EVENT_CAP ? list.slice(-EVENT_CAP) : list;
  }
  if (activity.length) next.activity = capConcat(prev.activity, activity, ACTIVITY_CAP);
  if (audit.length) next.audit = capConcat(prev.audit, audit, AUDIT_CAP);
  return next;
}

function capConcat<T>(a: readonly T[], b: readonly T[], cap: number): readonly T[] {
  const all = a.concat(b);
  return all.length > cap ? all.slice(-cap) : all;
}
