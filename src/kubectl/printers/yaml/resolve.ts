/**
 * go-yaml v2's `resolve` for the one question the encoder asks of a string: would it read back
 * as something other than a string if written plain (`true`, `null`, `80`, `1.5`, `0x1F`,
 * `2025-01-01`, `y`, `~`, base-60 `1:20`)? Those are written double-quoted.
 */

const MAP_VALUES = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** strconv.ParseFloat's accepted syntax (decimal and hex floats, inf/nan words, underscores only with a base prefix). */
function goParseFloatOK(s: string): boolean {
  if (/^[+-]?(inf|infinity|nan)$/i.test(s)) return true;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return true;
  if (/^[+-]?0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+$/.test(s)) return true;
  return false;
}

/** strconv.ParseInt(s, 0, 64) / ParseUint: decimal, 0x, 0o, 0b, leading-0 octal, optional sign (uint: none). */
function goParseIntOK(s: string): boolean {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  const body = m[2];
  let v: bigint;
  try {
    v = /^0[oO]/.test(body) ? BigInt(`0o${body.slice(2)}`) : /^0[0-7]+$/.test(body) ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  } catch {
    return false;
  }
  if (m[1] === '-') return v <= 2n ** 63n;
  return v < 2n ** 64n;
}

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** go-yaml's parseTimestamp: the few time.Parse layouts it tries. */
function isTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  const date = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (!date) return false;
  const y = Number(date[1]);
  const mo = Number(date[2]);
  const d = Number(date[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return false;
  const rest = s.slice(date[0].length);
  if (rest === '') return true;
  const clock = (t: string) => {
    const m = /^(\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?/.exec(t);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3]) > 59) return undefined;
    return t.slice(m[0].length);
  };
  if (rest[0] === 'T' || rest[0] === 't') {
    const tz = clock(rest.slice(1));
    if (tz === undefined) return false;
    if (tz === 'Z') return true;
    const z = /^[+-](\d{2}):(\d{2})$/.exec(tz);
    return !!z && Number(z[1]) <= 24 && Number(z[2]) <= 59;
  }
  if (rest[0] === ' ') return clock(rest.slice(1)) === '';
  return false;
}

/** True when `s` written plain would not read back as the same string. */
export function needsQuotes(s: string): boolean {
  if (BASE60_FLOAT.test(s) && /^[-+0-9]/.test(s) && s.includes(':')) return true;
  const c = s[0];
  const hint = s === '' ? 'N' : c === '+' || c === '-' ? 'S' : c >= '0' && c <= '9' ? 'D' : 'yYnNtTfFoO~'.includes(c) ? 'M' : c === '.' ? '.' : '';
  if (!hint) return false;
  if (MAP_VALUES.has(s)) return true;
  if (hint === '.') return goParseFloatOK(s);
  if (hint === 'D' || hint === 'S') {
    if (isTimestamp(s)) return true;
    const plain = s.replace(/_/g, '');
    if (goParseIntOK(plain)) return true;
    if (YAML_STYLE_FLOAT.test(plain) && goParseFloatOK(plain)) return true;
    if (/^0b[01]+$/.test(plain) || /^-0b[01]+$/.test(plain)) return true;
  }
  return false;
}
