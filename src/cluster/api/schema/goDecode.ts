/**
 * The error texts of the Go decoders behind Kubernetes' custom JSON types, for values that JSON.parse accepts
 * but the API server's decoder rejects: resource.Quantity, metav1.Time/MicroTime (time.Parse) and []byte
 * (encoding/base64). Each returns undefined when the value decodes, else the Go error string.
 */

const QUANTITY_FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const QUANTITY_SUFFIX = "unable to parse quantity's suffix";
const DECIMAL_SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E']);
const BINARY_SUFFIXES = new Set(['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/** resource.Quantity.UnmarshalJSON on the raw JSON text of a value (strings unquoted, numbers verbatim). */
export function quantityError(value: unknown): string | undefined {
  if (value === null) return undefined;
  if (typeof value === 'string' && goodQuantities.has(value)) return undefined;
  const err = quantityTextError(value);
  if (err === undefined && typeof value === 'string') {
    if (goodQuantities.size >= 4096) goodQuantities.clear();
    goodQuantities.add(value);
  }
  return err;
}

// Strings that decoded before: the same few ("100m", "64Mi") arrive with every container.
const goodQuantities = new Set<string>();

function quantityTextError(value: unknown): string | undefined {
  const text = (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value)).trim();
  if (text === '') return QUANTITY_FORMAT_WRONG;
  // sign, digits, optional fraction, then a suffix made of the suffix letters, an optional sign and digits
  const m = /^[+-]?[0-9]*(?:\.[0-9]*)?([eEinumkKMGTP]*)([-+]?)([0-9]*)(.*)$/.exec(text);
  if (!m || m[4] !== '') return QUANTITY_FORMAT_WRONG;
  const suffix = m[1] + m[2] + m[3];
  if (DECIMAL_SUFFIXES.has(suffix) || BINARY_SUFFIXES.has(suffix)) return undefined;
  if (/^[eE][-+]?[0-9]+$/.test(suffix)) return undefined;
  return QUANTITY_SUFFIX;
}

const RFC3339 = '2006-01-02T15:04:05Z07:00';
const RFC3339_MICRO = '2006-01-02T15:04:05.000000Z07:00';

function quote(s: string): string {
  return JSON.stringify(s);
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * time.Parse(RFC3339 or RFC3339Micro, s) as metav1.Time/MicroTime.UnmarshalJSON call it; only the error text.
 * Follows the layout chunk by chunk so the `cannot parse "..." as "..."` part names the same element Go does.
 */
export function timeError(s: string, micro = false): string | undefined {
  const layout = micro ? RFC3339_MICRO : RFC3339;
  const bad = (valueElem: string, layoutElem: string) =>
    `parsing time ${quote(s)} as ${quote(layout)}: cannot parse ${quote(valueElem)} as ${quote(layoutElem)}`;
  const range = (what: string) => `parsing time ${quote(s)}: ${what} out of range`;
  let v = s;
  const steps: [prefix: string, elem: string, digits: RegExp, min: number, max: number, name: string][] = [
    ['', '2006', /^[0-9]{4}/, 0, 9999, 'year'],
    ['-', '01', /^[0-9]{2}/, 1, 12, 'month'],
    ['-', '02', /^[0-9]{2}/, 0, 31, 'day'],
    ['T', '15', /^[0-9]{1,2}/, 0, 23, 'hour'],
    [':', '04', /^[0-9]{2}/, 0, 59, 'minute'],
    [':', '05', /^[0-9]{2}/, 0, 59, 'second'],
  ];
  const parts: number[] = [];
  for (const [prefix, elem, digits, min, max, name] of steps) {
    if (!v.startsWith(prefix)) return bad(v, prefix);
    v = v.slice(prefix.length);
    const m = digits.exec(v);
    if (!m) return bad(v, elem);
    v = v.slice(m[0].length);
    const n = Number(m[0]);
    if (n < min || n > max) return range(name);
    parts.push(n);
  }
  if (micro) {
    const m = /^\.[0-9]{6}/.exec(v);
    if (!m) return bad(v, '.000000');
    v = v.slice(7);
  } else if (/^[.,][0-9]/.test(v)) v = v.replace(/^[.,][0-9]+/, '');
  if (v.startsWith('Z')) v = v.slice(1);
  else {
    const m = /^[+-][0-9]{2}:[0-9]{2}/.exec(v);
    if (!m) return bad(v, 'Z07:00');
    if (Number(v.slice(1, 3)) > 24) return range('time zone offset hour');
    if (Number(v.slice(4, 6)) > 60) return range('time zone offset minute');
    v = v.slice(6);
  }
  if (v !== '') return `parsing time ${quote(s)}: extra text: ${quote(v)}`;
  if (parts[2] < 1 || parts[2] > daysIn(parts[1], parts[0])) return range('day');
  return undefined;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64.StdEncoding.Decode as encoding/json applies it to []byte fields: `illegal base64 data at input byte N`. */
export function base64Error(s: string): string | undefined {
  const src = new TextEncoder().encode(s);
  const corrupt = (n: number) => `illegal base64 data at input byte ${n}`;
  const isNL = (c: number) => c === 10 || c === 13;
  let si = 0;
  while (si < src.length) {
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined;
        return corrupt(si - j);
      }
      const c = src[si++];
      if (B64.includes(String.fromCharCode(c))) continue;
      if (isNL(c)) {
        j--;
        continue;
      }
      if (c !== 61 /* '=' */ || j < 2) return corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && isNL(src[si])) si++;
        if (si === src.length) return corrupt(src.length);
        if (src[si] !== 61) return corrupt(si - 1);
        si++;
      }
      while (si < src.length && isNL(src[si])) si++;
      return si < src.length ? corrupt(si) : undefined;
    }
  }
  return undefined;
}
