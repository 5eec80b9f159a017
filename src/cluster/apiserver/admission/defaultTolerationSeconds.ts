/**
 * DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds, v1.32): on pod create and
 * update, pods that do not already tolerate them get NoExecute tolerations for the
 * `node.kubernetes.io/not-ready` and `unreachable` taints for 300s, so the taint manager evicts
 * them 5 minutes after their node goes bad. An empty key or empty effect counts as tolerating.
 */
import { deepFreeze } from '../../api/types';
import type { AdmissionPlugin } from './types';
import { isPod } from './util';

export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
const DEFAULT_SECONDS = 300;

// Shared, frozen: every pod carries the same two tolerations.
const DEFAULT_TOLERATIONS: Record<string, object> = deepFreeze({
  [NOT_READY_TAINT]: { key: NOT_READY_TAINT, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_SECONDS },
  [UNREACHABLE_TAINT]: { key: UNREACHABLE_TAINT, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_SECONDS },
});

const tolerates = (t: { key?: string; effect?: string }, key: string) =>
  (t?.key === key || !t?.key) && (t?.effect === 'NoExecute' || !t?.effect);

function toleratesAny(tolerations: { key?: string; effect?: string }[], key: string): boolean {
  for (const t of tolerations) if (tolerates(t, key)) return true;
  return false;
}

export const defaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  admit(a) {
    if (!isPod(a) || (a.operation !== 'CREATE' && a.operation !== 'UPDATE') || !a.object) return;
    const spec = (a.object.spec ??= {});
    const tolerations: { key?: string; effect?: string }[] = spec.tolerations ?? [];
    const notReady = !toleratesAny(tolerations, NOT_READY_TAINT);
    const unreachable = !toleratesAny(tolerations, UNREACHABLE_TAINT);
    if (!notReady && !unreachable) return;
    const next = tolerations.slice();
    if (notReady) next.push(DEFAULT_TOLERATIONS[NOT_READY_TAINT]);
    if (unreachable) next.push(DEFAULT_TOLERATIONS[UNREACHABLE_TAINT]);
    spec.tolerations = next;
  },
};
