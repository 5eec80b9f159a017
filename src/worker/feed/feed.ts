/**
 * Turns the store's stream of commits into mirror deltas. Commits are only noted (latest object
 * per uid); projection to views happens once per flush, so an object written ten times between two
 * frames costs one projection and one message entry.
 */
import type { KObject } from '../../cluster/api/types';
import type { Store, StoreEvent } from '../../cluster/store/store';
import type { Activity, AuditEntry, ClockState, MirrorDelta, MirrorSnapshot, View, ViewKind } from '../../protocol/views';
import { inferActivity, type ActivityContext } from './activity';
import { MIRRORED, project, type Lookup } from './project';

/** The newest events sent at once; the feed shows recent history, `describe` fetches the rest. */
const EVENTS_PER_BATCH = 250;
const EVENTS_IN_SNAPSHOT = 400;
/** Activities per batch: the overlay narrates the latest ones, a burst of 1,000 needs no more. */
const ACTIVITY_PER_BATCH = 120;
/**
 * Objects per batch. A burst beyond this is spread over the next ticks (the rest stay noted, so
 * later versions still replace earlier ones): the UI decodes each message in one go, and a
 * 5,000-pod message would be a long task on its main thread.
 */
const OBJECTS_PER_BATCH = 1200;

interface Noted {
  resource: string;
  object: KObject;
  deleted: boolean;
}

export class Feed {
  private changed = new Map<string, Noted>();
  private activity: Activity[] = [];
  private audit: AuditEntry[] = [];
  private seq = 0;
  private activitySeq = 0;
  private lastClock = '';
  /** Who is writing right now (a person's request being applied), for attribution. */
  user: string | undefined;
  /** Off while a journal is replayed: nobody is watching, the snapshot afterwards says it all. */
  recording = true;

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {
    const prev = store.onCommit;
    store.onCommit = (e) => {
      prev?.(e);
      this.note(e);
    };
  }

  /** Grows with every activity and audit entry noted: lets a step tell whether anything visible happened. */
  get activityCount(): number {
    return this.activitySeq;
  }

  /** The store lookup projections use to walk owner chains. */
  readonly lookup: Lookup = (resource, ns, name) => {
    try {
      return this.store.get(resource, ns, name);
    } catch {
      return undefined;
    }
  };

  private note(e: StoreEvent): void {
    if (!this.recording) return;
    if (e.resource in MIRRORED) {
      const uid = e.object.metadata.uid ?? `${e.resource}/${e.object.metadata.namespace}/${e.object.metadata.name}`;
      this.changed.set(uid, { resource: e.resource, object: e.object, deleted: e.type === 'DELETED' });
    }
    const ctx: ActivityContext = { lookup: this.lookup, user: this.user };
    const a = inferActivity(e, ctx);
    if (a) {
      this.activity.push({ ...a, seq: ++this.activitySeq, at: this.now() });
      if (this.activity.length > ACTIVITY_PER_BATCH * 2) this.activity.splice(0, this.activity.length - ACTIVITY_PER_BATCH);
    }
  }

  /** Records a person's API request for the event feed. */
  noteAudit(a: Omit<AuditEntry, 'seq'>): AuditEntry {
    const entry = { ...a, seq: ++this.activitySeq };
    this.audit.push(entry);
    return entry;
  }

  /** Everything since the last flush, or undefined when nothing (not even the clock) changed. */
  flush(clock: ClockState): MirrorDelta | undefined {
    const clockKey = `${clock.now}|${clock.playing}|${clock.speed}|${clock.lagging}`;
    if (!this.changed.size && !this.activity.length && !this.audit.length && clockKey === this.lastClock) return undefined;
    // Map iteration order is insertion order: deleting while iterating visits each entry once.
    this.lastClock = clockKey;
    const upserts: View[] = [];
    const events: View[] = [];
    const removes: { kind: ViewKind; uid: string }[] = [];
    const now = this.now();
    let taken = 0;
    for (const [uid, n] of this.changed) {
      if (taken++ >= OBJECTS_PER_BATCH) break;
      this.changed.delete(uid);
      const kind = MIRRORED[n.resource];
      if (n.deleted) {
        removes.push({ kind, uid });
        continue;
      }
      const v = project(n.resource, n.object, now, this.lookup);
      if (!v) continue;
      (v.kind === 'Event' ? events : upserts).push(v);
    }
    if (events.length > EVENTS_PER_BATCH) events.splice(0, events.length - EVENTS_PER_BATCH);
    const delta: MirrorDelta = {
      seq: ++this.seq,
      clock,
      upserts: upserts.concat(events),
      removes,
      activity: this.activity.slice(-ACTIVITY_PER_BATCH),
      audit: this.audit,
    };
    this.activity = [];
    this.audit = [];
    return delta;
  }

  /** The whole mirror (first load, after a replay). Clears anything pending. */
  snapshot(clock: ClockState): MirrorSnapshot {
    this.changed.clear();
    this.activity = [];
    this.lastClock = '';
    const now = this.now();
    const views: View[] = [];
    for (const resource of Object.keys(MIRRORED)) {
      let items = this.store.list(resource).items;
      if (resource === 'events') items = newest(items, EVENTS_IN_SNAPSHOT);
      for (const o of items) {
        const v = project(resource, o, now, this.lookup);
        if (v) views.push(v);
      }
    }
    return { clock, views };
  }
}

function newest(events: KObject[], n: number): KObject[] {
  if (events.length <= n) return events;
  const rv = (o: KObject) => Number(o.metadata.resourceVersion) || 0;
  return [...events].sort((a, b) => rv(a) - rv(b)).slice(-n);
}
