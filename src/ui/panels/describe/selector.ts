/** A LabelSelector (JSON) as kubectl prints it: `app=web,tier in (a,b)`. */
/* eslint-disable @typescript-eslint/no-explicit-any */
export function formatLabelSelectorJson(sel: any): string {
  if (!sel) return '<none>';
  const parts: string[] = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel.matchExpressions ?? []) {
    const op = String(e.operator);
    if (op === 'In' || op === 'NotIn') parts.push(`${e.key} ${op.toLowerCase() === 'in' ? 'in' : 'notin'} (${(e.values ?? []).join(',')})`);
    else if (op === 'Exists') parts.push(e.key);
    else if (op === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',') || '<none>';
}
