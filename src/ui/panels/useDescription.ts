/**
 * Keeps a `kubectl describe`-style description of the selected object fresh: fetched when the
 * selection changes, again when the object (or its events) changes, at most twice a second.
 */
import { useEffect, useRef, useState } from 'react';
import type { Description } from '../../protocol/messages';
import type { ObjectRef, View } from '../../protocol/views';
import { engine, useMirror, type MirrorState } from '../bridge';

const REFRESH_MS = 500;

/** The mirrored view of a ref, if the mirror carries its kind. */
export function viewOf(s: MirrorState, ref: ObjectRef | undefined): View | undefined {
  if (!ref) return undefined;
  if (ref.uid) {
    const v = s.pods.get(ref.uid) ?? s.nodes.get(ref.uid) ?? s.workloads.get(ref.uid) ?? s.services.get(ref.uid);
    if (v) return v;
  }
  // A link by name (owner chains, verdict tables): find the live object of that kind and name.
  const map = ref.kind === 'Pod' ? s.pods : ref.kind === 'Node' ? s.nodes : ref.kind === 'Service' ? s.services : s.workloads;
  for (const v of (map as ReadonlyMap<string, View>).values()) {
    if (v.kind === ref.kind && v.name === ref.name && (v.namespace ?? '') === (ref.namespace ?? v.namespace ?? '')) return v;
  }
  return undefined;
}

export function useDescription(ref: ObjectRef | undefined): { desc?: Description; error?: string; loading: boolean } {
  const [desc, setDesc] = useState<Description>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const key = useMirror((s) => {
    if (!ref) return '';
    const v = viewOf(s, ref);
    let ev = 0;
    for (let i = s.events.length - 1; i >= 0; i--) {
      const e = s.events[i];
      if ((ref.uid && e.involved.uid === ref.uid) || (e.involved.kind === ref.kind && e.involved.name === ref.name)) {
        ev = e.rv;
        break;
      }
    }
    return `${v?.rv ?? ''}|${ev}|${s.status}`;
  });
  const id = ref ? `${ref.kind}/${ref.namespace ?? ''}/${ref.name}/${ref.uid ?? ''}` : '';
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // What the scheduled fetch reads when it fires: the latest ref, and whether it is still wanted.
  const current = useRef({ id, ref });
  current.current = { id, ref };

  // A new selection: forget the old description and any fetch scheduled for it.
  useEffect(() => {
    setDesc(undefined);
    setError(undefined);
    last.current = 0;
    return () => {
      clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [id]);

  // A trailing throttle: one fetch at most every REFRESH_MS, and a change while one is scheduled
  // joins it. A fetch already sent is never discarded for a newer change (at ×100 the object
  // changes every frame, and dropping each answer would leave the panel stale forever); only an
  // answer for another selection is.
  useEffect(() => {
    if (!id || timer.current !== undefined) return;
    const wait = Math.max(0, last.current + REFRESH_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = undefined;
      const { id: forId, ref: r } = current.current;
      if (!r) return;
      last.current = Date.now();
      setLoading(true);
      engine
        .request({ type: 'object.describe', ref: r })
        .then((d) => {
          if (current.current.id !== forId) return;
          setDesc(d);
          setError(undefined);
        })
        .catch((e: Error) => current.current.id === forId && setError(e.message))
        .finally(() => current.current.id === forId && setLoading(false));
    }, wait);
  }, [id, key]);

  return { desc, error, loading };
}
