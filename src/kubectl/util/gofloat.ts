/**
 * Go's float text: strconv.FormatFloat(f, 'g', -1, 64) (`%e` when the exponent is < -4 or >= 6)
 * and encoding/json's form (`e` only below 1e-6 or from 1e21, exponent without a leading zero).
 */
function digitsAndExp(f: number): { digits: string; exp: number } {
  // JS gives the same shortest round-trip digits as Go.
  const [mant, e] = Math.abs(f).toExponential().split('e');
  return { digits: mant.replace('.', ''), exp: Number(e) };
}

function eFormat(neg: boolean, digits: string, exp: number): string {
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const es = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
  return `${neg ? '-' : ''}${m}e${exp < 0 ? '-' : '+'}${es}`;
}

export function formatGoFloat(f: number, fmt: 'g' | 'json'): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const neg = f < 0;
  const { digits, exp } = digitsAndExp(f);
  if (fmt === 'json') {
    const abs = Math.abs(f);
    if (abs < 1e-6 || abs >= 1e21) return eFormat(neg, digits, exp).replace(/e([+-])0(\d)$/, 'e$1$2');
    return String(f);
  }
  // Shortest formatting decides with precision 6, whatever the digit count.
  if (exp < -4 || exp >= 6) return eFormat(neg, digits, exp);
  return String(f);
}
