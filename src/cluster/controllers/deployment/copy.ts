/**
 * Working copies for the Deployment controller's pure core (api/types `clone`, several times
 * cheaper than structuredClone). A frozen pod template (a store object's, immutable) is shared
 * rather than copied: nothing edits a template in place, any attempt throws, and the
 * template's identity lets `templateKey` (replicas.ts) compute its canonical form once per object.
 */
import { clone, type KObject } from '../../api/types';

/** A deep copy of a Deployment or ReplicaSet that keeps a frozen spec.template by reference. */
export function copyKeepingTemplate(o: KObject): KObject {
  const t = o.spec?.template;
  if (!t || !Object.isFrozen(t)) return clone(o);
  const out = clone({ ...o, spec: { ...o.spec, template: undefined } });
  out.spec.template = t;
  return out;
}
