/**
 * One label requirement as k8s.io/apimachinery/pkg/labels.Requirement (v1.32): construction with
 * upstream validation (NewRequirement), matching and its String() form.
 */
import { fieldErr, fieldErrorString } from './errors';
import { isQualifiedName, isValidLabelValue } from './formats';

/** selection.Operator, with `==` folded into Equals. */
export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Equals' | 'NotEquals' | 'GreaterThan' | 'LessThan';

/** One requirement; `values` keeps upstream's order (sorted and deduplicated when parsed from a string). */
export type Requirement = { key: string; op: Operator; values: string[] };

/** Orders requirements by key, as labels.ByKey. */
export const byKey = (a: Requirement, b: Requirement) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Renders error strings as utilerrors.NewAggregate(...).Error() does. */
export function aggregateMessage(msgs: string[]): string {
  if (msgs.length === 1) return msgs[0]!;
  const seen = [...new Set(msgs)];
  return seen.length === 1 ? seen[0]! : `[${seen.join(', ')}]`;
}

/** strconv.ParseInt(s, 10, 64) or null. */
export function parseInt64(s: string): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : null;
}

/** Upstream validateLabelKey for the string parser: the key error at the parser's nil path. */
export function labelKeyError(key: string, path: string): string | undefined {
  const errs = isQualifiedName(key);
  return errs.length ? fieldErrorString(fieldErr.invalid(path, key, errs.join('; '))) : undefined;
}

// %#v of the []string handed to NewRequirement: nil prints differently from empty.
const goStrings = (v: string[], nil: boolean) =>
  nil && v.length === 0 ? '[]string(nil)' : `[]string{${v.map((x) => JSON.stringify(x)).join(', ')}}`;

/**
 * labels.NewRequirement: validates key, operator/value count, Gt/Lt integers and each value;
 * throws an Error with the aggregated field errors. `nilValues` marks a nil slice (for %#v).
 */
export function newRequirement(key: string, op: Operator, values: string[], nilValues = false): Requirement {
  const errs: string[] = [];
  const keyErr = labelKeyError(key, 'key');
  if (keyErr) errs.push(keyErr);
  const bad = (path: string, rendered: string, detail: string) => errs.push(`${path}: Invalid value: ${rendered}: ${detail}`);
  switch (op) {
    case 'In':
    case 'NotIn':
      if (values.length === 0)
        bad('values', goStrings(values, nilValues), "for 'in', 'notin' operators, values set can't be empty");
      break;
    case 'Equals':
    case 'NotEquals':
      if (values.length !== 1) bad('values', goStrings(values, nilValues), 'exact-match compatibility requires one single value');
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length !== 0)
        bad('values', goStrings(values, nilValues), 'values set must be empty for exists and does not exist');
      break;
    case 'GreaterThan':
    case 'LessThan':
      if (values.length !== 1) bad('values', goStrings(values, nilValues), "for 'Gt', 'Lt' operators, exactly one value is required");
      values.forEach((v, i) => {
        if (parseInt64(v) === null)
          bad(`values[${i}]`, JSON.stringify(v), "for 'Gt', 'Lt' operators, the value must be an integer");
      });
      break;
  }
  values.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length) errs.push(fieldErrorString(fieldErr.invalid(`values[${i}][${key}]`, v, msgs.join('; '))));
  });
  if (errs.length) throw new Error(aggregateMessage(errs));
  return { key, op, values };
}

function has(labels: Readonly<Record<string, string>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

/** Requirement.Matches: In/Equals need the key with a listed value; NotIn/NotEquals also match a missing key. */
export function matchesRequirement(r: Requirement, labels: Readonly<Record<string, string>>): boolean {
  switch (r.op) {
    case 'In':
    case 'Equals':
      return has(labels, r.key) && r.values.includes(labels[r.key]!);
    case 'NotIn':
    case 'NotEquals':
      return !has(labels, r.key) || !r.values.includes(labels[r.key]!);
    case 'Exists':
      return has(labels, r.key);
    case 'DoesNotExist':
      return !has(labels, r.key);
    case 'GreaterThan':
    case 'LessThan': {
      if (!has(labels, r.key) || r.values.length !== 1) return false;
      const have = parseInt64(labels[r.key]!);
      const want = parseInt64(r.values[0]!);
      if (have === null || want === null) return false;
      return r.op === 'GreaterThan' ? have > want : have < want;
    }
  }
}

const opText: Record<Operator, string> = {
  Equals: '=',
  NotEquals: '!=',
  In: ' in ',
  NotIn: ' notin ',
  GreaterThan: '>',
  LessThan: '<',
  Exists: '',
  DoesNotExist: '',
};

/** A sorted copy (byte order for ASCII), leaving the input untouched like upstream safeSort. */
export const sortedCopy = (v: string[]) => [...v].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Requirement.String(): `k=v`, `k in (a,b)` (values sorted), `k`, `!k`, `k>1`. */
export function formatRequirement(r: Requirement): string {
  if (r.op === 'Exists') return r.key;
  if (r.op === 'DoesNotExist') return `!${r.key}`;
  const vals = r.values.length === 1 ? r.values[0]! : sortedCopy(r.values).join(',');
  const set = r.op === 'In' || r.op === 'NotIn';
  return `${r.key}${opText[r.op]}${set ? `(${vals})` : vals}`;
}

