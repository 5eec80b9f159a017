/**
 * Field selectors as k8s.io/apimachinery/pkg/fields (v1.32): `a=b`, `a==b`, `a!=b` terms joined by
 * commas, with `\`, `,` and `=` backslash-escaped in values. Which fields a kind supports is the
 * API server's business, not this module's.
 */

/** One term; `==` parses as `=`. */
export type FieldRequirement = { field: string; op: '=' | '!='; value: string };

// Split on unescaped commas; escaped ones stay in the term with their backslash.
function splitTerms(s: string): string[] {
  if (s.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

// The first operator occurrence splits the term ("!=" and "==" are tried before "=").
function splitTerm(term: string): [string, string, string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '=']) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

/** fields.EscapeValue: backslash-escapes `\`, `,` and `=`. */
export function escapeFieldValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/** fields.UnescapeValue: undoes escapeFieldValue; throws on a bad escape or a bare `,`/`=`. */
export function unescapeFieldValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=')
        throw new Error(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      inSlash = false;
    } else if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=')
      // Go formats the rune with %v, i.e. as its number
      throw new Error(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    else out += c;
  }
  if (inSlash) throw new Error('invalid field selector: invalid escape sequence: \\');
  return out;
}

/**
 * fields.ParseSelector: terms sorted as strings, empty terms and `=` with empty sides dropped.
 * Throws `invalid selector: '<s>'; can't understand '<term>'` or an escaping error.
 */
export function parseFieldSelector(s: string): FieldRequirement[] {
  const parts = splitTerms(s).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const reqs: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (!split) throw new Error(`invalid selector: '${s}'; can't understand '${part}'`);
    const [field, op, rhs] = split;
    const value = unescapeFieldValue(rhs);
    // the identity transform drops terms whose field and value are both empty
    if (field === '' && value === '') continue;
    reqs.push({ field, op: op === '!=' ? '!=' : '=', value });
  }
  return reqs;
}

/** True when every term holds; a missing field reads as "" (fields.Set.Get). */
export function matchesFields(reqs: FieldRequirement[], getField: (path: string) => string | undefined): boolean {
  return reqs.every((r) => ((getField(r.field) ?? '') === r.value) === (r.op === '='));
}

/** Selector.String(): `field=value` / `field!=value` with escaped values, joined by ",". */
export function formatFieldSelector(reqs: FieldRequirement[]): string {
  return reqs.map((r) => `${r.field}${r.op}${escapeFieldValue(r.value)}`).join(',');
}

/** RequiresExactMatch: the value an `=` term pins `field` to, if any. */
export function fieldExactMatch(reqs: FieldRequirement[], field: string): string | undefined {
  return reqs.find((r) => r.op === '=' && r.field === field)?.value;
}
