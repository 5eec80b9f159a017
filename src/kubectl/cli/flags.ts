/**
 * Command-line flags as spf13/pflag parses them for cobra: `--name=value`, `--name value`,
 * `-n value`, `-nvalue`, `-n=value`, grouped bool shorthands (`-it`), `--` ending flags, flags
 * anywhere among the arguments, and pflag's exact error texts.
 */
import { FlagError } from '../errors';
import { parseGoDuration } from '../util/goduration';

export type FlagType = 'bool' | 'string' | 'int' | 'int32' | 'float' | 'duration' | 'stringArray' | 'stringSlice' | 'mapStringString';

export interface FlagDef {
  name: string;
  short?: string;
  type: FlagType;
  default?: unknown;
  /** Value when given without one (`--dry-run` = `unchanged`); bools use `true`. */
  noOptDefault?: string;
  usage?: string;
  /** Hidden from help and completion. */
  hidden?: boolean;
}

export type FlagValues = Record<string, unknown>;

export interface ParsedArgs {
  flags: FlagValues;
  /** Names of flags the user set (pflag `Changed`). */
  changed: Set<string>;
  args: string[];
  /** Index in `args` where `--` was seen, or -1 (cobra ArgsLenAtDash). */
  argsLenAtDash: number;
  help: boolean;
}

function flagLabel(f: FlagDef): string {
  return f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** strconv.ParseBool. */
function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** encoding/csv reading of one line, as pflag's stringSlice does. */
function readCsv(s: string): string[] {
  if (s === '') return [];
  const out: string[] = [];
  let cur = '';
  let i = 0;
  let quoted = false;
  let fieldStart = true;
  while (i < s.length) {
    const ch = s[i];
    if (fieldStart && ch === '"') {
      quoted = true;
      fieldStart = false;
      i++;
      continue;
    }
    fieldStart = false;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cur += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      cur += ch;
      i++;
      continue;
    }
    if (ch === ',') {
      out.push(cur);
      cur = '';
      fieldStart = true;
      i++;
      continue;
    }
    cur += ch;
    i++;
  }
  out.push(cur);
  return out;
}

function convert(f: FlagDef, raw: string, current: unknown): unknown {
  const bad = (why: string) => new Error(`invalid argument ${goQuote(raw)} for ${goQuote(flagLabel(f))} flag: ${why}`);
  switch (f.type) {
    case 'bool': {
      const b = parseBool(raw);
      if (b === undefined) throw bad(`strconv.ParseBool: parsing ${goQuote(raw)}: invalid syntax`);
      return b;
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) throw bad(`strconv.ParseInt: parsing ${goQuote(raw)}: invalid syntax`);
      const n = Number(raw);
      if (!Number.isSafeInteger(n)) throw bad(`strconv.ParseInt: parsing ${goQuote(raw)}: value out of range`);
      return n;
    }
    case 'int32': {
      if (!/^[+-]?\d+$/.test(raw)) throw bad(`strconv.ParseInt: parsing ${goQuote(raw)}: invalid syntax`);
      const n = Number(raw);
      if (n > 2 ** 31 - 1 || n < -(2 ** 31)) throw bad(`strconv.ParseInt: parsing ${goQuote(raw)}: value out of range`);
      return n;
    }
    case 'mapStringString': {
      // cliflag.MapStringString: comma-separated k=v pairs, trimmed; later flags add to the map.
      const m = { ...((current as Record<string, string> | undefined) ?? {}) };
      for (const part of raw.split(',').map((x) => x.trim())) {
        if (!part) continue;
        const eq = part.indexOf('=');
        if (eq < 0) throw bad('malformed pair, expect string=string');
        m[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
      }
      return m;
    }
    case 'float': {
      const n = Number(raw);
      if (raw.trim() === '' || Number.isNaN(n)) throw bad(`strconv.ParseFloat: parsing ${goQuote(raw)}: invalid syntax`);
      return n;
    }
    case 'duration': {
      const d = parseGoDuration(raw);
      if (d === undefined) throw bad(`time: invalid duration ${goQuote(raw)}`);
      return d;
    }
    case 'stringArray':
      return [...((current as string[] | undefined) ?? []), raw];
    case 'stringSlice':
      return [...((current as string[] | undefined) ?? []), ...readCsv(raw)];
    case 'string':
      return raw;
  }
}

/** The flag set of one command: its own flags plus the inherited global ones. */
export class FlagSet {
  private byName = new Map<string, FlagDef>();
  private byShort = new Map<string, FlagDef>();

  constructor(
    readonly command: string,
    defs: FlagDef[],
  ) {
    // A command's own flag shadows an inherited one of the same name (`create rolebinding --user`), as in cobra.
    for (const d of defs) {
      if (this.byName.has(d.name)) continue;
      this.byName.set(d.name, d);
      if (d.short && !this.byShort.has(d.short)) this.byShort.set(d.short, d);
    }
  }

  get defs(): FlagDef[] {
    return [...this.byName.values()];
  }

  lookup(name: string): FlagDef | undefined {
    return this.byName.get(name);
  }

  private defaults(): FlagValues {
    const v: FlagValues = {};
    for (const d of this.byName.values()) {
      if (d.default !== undefined) v[d.name] = Array.isArray(d.default) ? [...d.default] : d.default;
      else if (d.type === 'bool') v[d.name] = false;
      else if (d.type === 'stringArray' || d.type === 'stringSlice') v[d.name] = [];
      else if (d.type === 'int' || d.type === 'int32' || d.type === 'float' || d.type === 'duration') v[d.name] = 0;
      else if (d.type === 'mapStringString') v[d.name] = {};
      else v[d.name] = '';
    }
    return v;
  }

  /** Parses argv (the words after the command path). Throws FlagError with pflag's message. */
  parse(argv: string[]): ParsedArgs {
    const flags = this.defaults();
    const changed = new Set<string>();
    const args: string[] = [];
    let argsLenAtDash = -1;
    let help = false;
    const set = (f: FlagDef, raw: string) => {
      // Slices given again replace the default first (pflag: first Set overwrites the default).
      const cur = changed.has(f.name) ? flags[f.name] : f.type === 'mapStringString' ? {} : [];
      try {
        flags[f.name] = convert(f, raw, cur);
      } catch (e) {
        throw new FlagError((e as Error).message, this.command);
      }
      changed.add(f.name);
    };
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--') {
        argsLenAtDash = args.length;
        args.push(...argv.slice(i + 1));
        break;
      }
      if (a.startsWith('--')) {
        const body = a.slice(2);
        const eq = body.indexOf('=');
        const name = eq >= 0 ? body.slice(0, eq) : body;
        if (name === 'help') {
          help = true;
          continue;
        }
        const f = this.byName.get(name);
        if (!f) throw new FlagError(`unknown flag: --${name}`, this.command);
        if (eq >= 0) set(f, body.slice(eq + 1));
        else if (f.type === 'bool') set(f, 'true');
        else if (f.noOptDefault !== undefined) set(f, f.noOptDefault);
        else if (i + 1 < argv.length) set(f, argv[++i]);
        else throw new FlagError(`flag needs an argument: --${name}`, this.command);
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        let rest = a.slice(1);
        while (rest.length) {
          const c = rest[0];
          rest = rest.slice(1);
          if (c === 'h' && !this.byShort.has('h')) {
            help = true;
            continue;
          }
          const f = this.byShort.get(c);
          if (!f) throw new FlagError(`unknown shorthand flag: '${c}' in -${a.slice(1)}`, this.command);
          if (rest.startsWith('=')) {
            set(f, rest.slice(1));
            rest = '';
          } else if (f.type === 'bool') set(f, 'true');
          else if (f.noOptDefault !== undefined && rest === '') set(f, f.noOptDefault);
          else if (rest) {
            set(f, rest);
            rest = '';
          } else if (i + 1 < argv.length) set(f, argv[++i]);
          else throw new FlagError(`flag needs an argument: '${c}' in -${c}`, this.command);
        }
        continue;
      }
      args.push(a);
    }
    return { flags, changed, args, argsLenAtDash, help };
  }
}
