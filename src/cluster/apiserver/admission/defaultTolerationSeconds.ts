/**
 * DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds, v1.32): on pod create and
 * update, pods that do not already tolerate them get NoExecute tolerations for the
 * `node.kubernetes.io/not-ready` and `unreachable` taints for 300s, so the taint manager evicts
 * them 5 minutes after their node goes bad. An empty key or empty effect counts as tolerating.
 */
import type { AdmissionPlugin } from './types';
import { isPod } from './util';

export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
const DEFAULT_SECONDS = 300;

const tolerates = (t: { key?: string; effect?: string }, key: string) =>
  (t?.key === key || !t?.key) && (t?.effect === 'NoExecute' || !t?.effect);

export const defaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  admit(a) {
    if (!isPod(a) || (a.operation !== 'CREATE' && a.operation !== 'UPDATE') || !a.object) return;
    const spec = (a.object.spec ??= {});
    const tolerations: { key?: string; effect?: string }[] = spec.tolerations ?? [];
    const add = [NOT_READY_TAINT, UNREACHABLE_TAINT].filter((key) => !tolerations.some((t) => tolerates(t, key)));
    if (!add.length) return;
    spec.tolerations = [
      ...tolerations,
      ...add.map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_SECONDS })),
    ];
  },
};
