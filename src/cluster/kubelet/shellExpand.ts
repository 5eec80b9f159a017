/**
 * Word expansion for the simulated shell: quotes, `$var`/`${var}`, `$((arithmetic))`, `$(date)`-style
 * substitutions and `date` formatting. Pure functions of the variables and the simulated time.
 */

export interface ExpandEnv {
  vars: Map<string, string>;
  /** Simulated epoch milliseconds "now" inside the script. */
  nowMs: number;
  hostname: string;
  /** Runs a command substitution (`$(…)`), returning its output. */
  subst(cmd: string): string;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** `date` output: the default `Wed Jan  1 00:00:05 UTC 2025`, or a `+FORMAT`. */
export function formatDate(ms: number, format?: string): string {
  const d = new Date(ms);
  if (!format) {
    return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
  }
  return format.replace(/%([a-zA-Z%])/g, (_, c: string) => {
    switch (c) {
      case 'Y': return String(d.getUTCFullYear());
      case 'm': return p2(d.getUTCMonth() + 1);
      case 'd': return p2(d.getUTCDate());
      case 'H': return p2(d.getUTCHours());
      case 'M': return p2(d.getUTCMinutes());
      case 'S': return p2(d.getUTCSeconds());
      case 's': return String(Math.floor(ms / 1000));
      case 'T': return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case 'F': return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case 'Z': return 'UTC';
      case 'a': return DAYS[d.getUTCDay()];
      case 'b': return MONTHS[d.getUTCMonth()];
      case 'N': return String((ms % 1000) * 1_000_000).padStart(9, '0');
      case '%': return '%';
      default: return `%${c}`;
    }
  });
}

/** Integer arithmetic of `$(( … ))`: + - * / % ( ) and comparisons, variables by name. */
export function arith(expr: string, vars: Map<string, string>): number {
  const toks = expr.match(/\d+|[A-Za-z_]\w*|==|!=|<=|>=|&&|\|\||[-+*/%()<>!]/g) ?? [];
  let i = 0;
  const num = (): number => {
    const t = toks[i++];
    if (t === '(') {
      const v = or();
      i++;
      return v;
    }
    if (t === '-') return -num();
    if (t === '!') return num() ? 0 : 1;
    if (t === undefined) return 0;
    if (/^\d/.test(t)) return Number(t);
    const v = vars.get(t.startsWith('$') ? t.slice(1) : t);
    return v && /^-?\d+$/.test(v.trim()) ? Number(v) : 0;
  };
  const mul = (): number => {
    let v = num();
    while (toks[i] === '*' || toks[i] === '/' || toks[i] === '%') {
      const op = toks[i++];
      const r = num();
      v = op === '*' ? v * r : r === 0 ? 0 : op === '/' ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const add = (): number => {
    let v = mul();
    while (toks[i] === '+' || toks[i] === '-') v = toks[i++] === '+' ? v + mul() : v - mul();
    return v;
  };
  const cmp = (): number => {
    let v = add();
    while (['<', '>', '<=', '>=', '==', '!='].includes(toks[i] ?? '')) {
      const op = toks[i++];
      const r = add();
      v = Number(op === '<' ? v < r : op === '>' ? v > r : op === '<=' ? v <= r : op === '>=' ? v >= r : op === '==' ? v === r : v !== r);
    }
    return v;
  };
  const or = (): number => {
    let v = cmp();
    while (toks[i] === '&&' || toks[i] === '||') v = toks[i++] === '&&' ? Number(!!v && !!cmp()) : Number(!!v || !!cmp());
    return v;
  };
  return or();
}

function expandDollar(s: string, i: number, env: ExpandEnv): [string, number] {
  if (s.startsWith('$((', i)) {
    let depth = 0;
    let j = i + 1;
    for (; j < s.length; j++) {
      if (s[j] === '(') depth++;
      else if (s[j] === ')' && --depth === 0) break;
    }
    return [String(arith(s.slice(i + 3, j - 1), env.vars)), j + 1];
  }
  if (s[i + 1] === '(') {
    let depth = 0;
    let j = i + 1;
    for (; j < s.length; j++) {
      if (s[j] === '(') depth++;
      else if (s[j] === ')' && --depth === 0) break;
    }
    return [env.subst(s.slice(i + 2, j)).replace(/\n+$/, ''), j + 1];
  }
  if (s[i + 1] === '{') {
    const j = s.indexOf('}', i);
    const name = s.slice(i + 2, j < 0 ? s.length : j).split(/[:-]/)[0];
    return [env.vars.get(name) ?? '', j < 0 ? s.length : j + 1];
  }
  const m = /^[A-Za-z_]\w*|^[?#$0-9]/.exec(s.slice(i + 1));
  if (!m) return ['$', i + 1];
  const name = m[0];
  const value = name === '$' ? '1' : name === '#' ? '0' : (env.vars.get(name) ?? '');
  return [value, i + 1 + name.length];
}

/** Expands one raw word (quotes kept) into its final text. */
export function expandWord(word: string, env: ExpandEnv): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const c = word[i];
    if (c === "'") {
      const j = word.indexOf("'", i + 1);
      out += word.slice(i + 1, j < 0 ? word.length : j);
      i = j < 0 ? word.length : j + 1;
    } else if (c === '"') {
      i++;
      while (i < word.length && word[i] !== '"') {
        if (word[i] === '\\' && '"\\$`'.includes(word[i + 1] ?? '')) {
          out += word[i + 1];
          i += 2;
        } else if (word[i] === '$') {
          const [v, j] = expandDollar(word, i, env);
          out += v;
          i = j;
        } else out += word[i++];
      }
      i++;
    } else if (c === '\\') {
      out += word[i + 1] ?? '';
      i += 2;
    } else if (c === '$') {
      const [v, j] = expandDollar(word, i, env);
      out += v;
      i = j;
    } else out += word[i++];
  }
  return out;
}
