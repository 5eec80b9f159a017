/** Taints and tolerations as core/v1 helpers match them (ToleratesTaint, FindMatchingUntoleratedTaint). */

export interface Taint {
  readonly key: string;
  readonly value: string;
  readonly effect: string;
}

export interface Toleration {
  readonly key: string;
  readonly operator: string;
  readonly value: string;
  readonly effect: string;
}

/** Toleration.ToleratesTaint: same effect (or any), same key (or any), and Equal value or Exists. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator) {
    case '':
    case 'Equal':
      return t.value === taint.value;
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(tols: readonly Toleration[], taint: Taint): boolean {
  for (const t of tols) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** The first taint (in node order) passing `filter` that no toleration tolerates. */
export function findUntoleratedTaint(
  taints: readonly Taint[],
  tols: readonly Toleration[],
  filter: (t: Taint) => boolean,
): Taint | undefined {
  for (const taint of taints) {
    if (!filter(taint)) continue;
    if (!tolerationsTolerateTaint(tols, taint)) return taint;
  }
  return undefined;
}

/** helper.DoNotScheduleTaintsFilterFunc: NoSchedule and NoExecute taints. */
export const doNotSchedule = (t: Taint): boolean => t.effect === 'NoSchedule' || t.effect === 'NoExecute';

export function parseTaints(list: unknown): Taint[] {
  if (!Array.isArray(list)) return [];
  return list.map((t) => ({ key: t?.key ?? '', value: t?.value ?? '', effect: t?.effect ?? '' }));
}

export function parseTolerations(list: unknown): Toleration[] {
  if (!Array.isArray(list)) return [];
  return list.map((t) => ({ key: t?.key ?? '', operator: t?.operator ?? '', value: t?.value ?? '', effect: t?.effect ?? '' }));
}
