/** evanphx/json-patch CreateMergePatch: the RFC 7386 merge patch that turns `a` into `b`. */

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function createMergePatch(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(b)) {
    const av = a[k];
    const bv = b[k];
    if (!(k in a)) out[k] = bv;
    else if (isObj(av) && isObj(bv)) {
      const sub = createMergePatch(av, bv);
      if (Object.keys(sub).length) out[k] = sub;
    } else if (!same(av, bv)) out[k] = bv;
  }
  for (const k of Object.keys(a)) if (!(k in b)) out[k] = null;
  return out;
}
