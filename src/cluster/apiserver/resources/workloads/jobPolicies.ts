/**
 * The policy blocks of a JobSpec (pkg/apis/batch/validation, v1.32): podFailurePolicy,
 * successPolicy and podReplacementPolicy.
 */
import { FieldErrorType, fieldErr, type FieldError } from '../../../api/errors';
import { isQualifiedName } from '../../../api/validation';
import { goPtr, rawErr } from './goValues';
import { nonNegative } from './shared';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

// Go's %q of a []string: ["a" "b"]
const goQuotedList = (v: string[]) => `[${v.map((s) => JSON.stringify(s)).join(' ')}]`;
const goInt32Slice = (v: number[] | undefined | null) => (v == null ? '[]int32(nil)' : `[]int32{${v.join(', ')}}`);
const omitted = (field: string, detail: string): FieldError => ({ type: FieldErrorType.Invalid, field, detail });

const ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const EXIT_OPERATORS = ['In', 'NotIn'];
const CONDITION_STATUSES = ['False', 'True', 'Unknown'];

function validateOnExitCodes(req: Obj, path: string, containerNames: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const op = req.operator ?? '';
  if (op === '') errs.push(fieldErr.required(`${path}.operator`, `valid values: ${goQuotedList(EXIT_OPERATORS)}`));
  else if (!EXIT_OPERATORS.includes(op)) errs.push(fieldErr.notSupported(`${path}.operator`, op, EXIT_OPERATORS));
  if (req.containerName != null && !containerNames.has(req.containerName))
    errs.push(fieldErr.invalid(`${path}.containerName`, req.containerName, 'must be one of the container or initContainer names in the pod template'));
  const values: number[] = req.values ?? [];
  if (values.length === 0) errs.push(rawErr(`${path}.values`, goInt32Slice(req.values), 'at least one value is required'));
  else if (values.length > 255) errs.push(fieldErr.tooMany(`${path}.values`, values.length, 255));
  const seen = new Set<number>();
  let ordered = true;
  values.forEach((v, j) => {
    if (op === 'In' && v === 0) errs.push(fieldErr.invalid(`${path}.values[${j}]`, v, 'must not be 0 for the In operator'));
    if (seen.has(v)) errs.push(fieldErr.duplicate(`${path}.values[${j}]`, v));
    else seen.add(v);
    if (j > 0 && values[j - 1]! > v) ordered = false;
  });
  if (!ordered) errs.push(rawErr(`${path}.values`, goInt32Slice(values), 'must be ordered'));
  return errs;
}

function validateOnPodConditions(patterns: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (patterns.length > 20) errs.push(fieldErr.tooMany(path, patterns.length, 20));
  patterns.forEach((p, j) => {
    const type = p.type ?? '';
    for (const msg of isQualifiedName(type)) errs.push(fieldErr.invalid(`${path}[${j}].type`, type, msg));
    const status = p.status ?? '';
    if (status === '') errs.push(fieldErr.required(`${path}[${j}].status`, `valid values: ${goQuotedList(CONDITION_STATUSES)}`));
    else if (!CONDITION_STATUSES.includes(status)) errs.push(fieldErr.notSupported(`${path}[${j}].status`, status, CONDITION_STATUSES));
  });
  return errs;
}

/** validatePodFailurePolicy: at most 20 rules, each with an action and exactly one matcher. */
export function validatePodFailurePolicy(spec: Obj, path: string): FieldError[] {
  const rules: Obj[] = spec.podFailurePolicy?.rules ?? [];
  const errs: FieldError[] = [];
  if (rules.length > 20) errs.push(fieldErr.tooMany(`${path}.rules`, rules.length, 20));
  const podSpec = spec.template?.spec ?? {};
  const names = new Set<string>([...(podSpec.containers ?? []), ...(podSpec.initContainers ?? [])].map((c: Obj) => c.name));
  rules.forEach((rule, i) => {
    const rp = `${path}.rules[${i}]`;
    const action = rule.action ?? '';
    if (action === '') errs.push(fieldErr.required(`${rp}.action`, `valid values: ${goQuotedList(ACTIONS)}`));
    else if (action === 'FailIndex') {
      if (spec.backoffLimitPerIndex == null) errs.push(fieldErr.invalid(`${rp}.action`, action, 'requires the backoffLimitPerIndex to be set'));
    } else if (!ACTIONS.includes(action)) errs.push(fieldErr.notSupported(`${rp}.action`, action, ACTIONS));
    const hasExit = rule.onExitCodes != null;
    const conditions: Obj[] = rule.onPodConditions ?? [];
    if (hasExit) errs.push(...validateOnExitCodes(rule.onExitCodes, `${rp}.onExitCodes`, names));
    if (conditions.length) errs.push(...validateOnPodConditions(conditions, `${rp}.onPodConditions`));
    if (hasExit && conditions.length) errs.push(omitted(rp, 'specifying both OnExitCodes and OnPodConditions is not supported'));
    if (!hasExit && !conditions.length) errs.push(omitted(rp, 'specifying one of OnExitCodes and OnPodConditions is required'));
  });
  return errs;
}

/** validateIndexesFormat: "1,3-5" style intervals below completions, strictly increasing; returns the count. */
export function parseIndexes(s: string, completions: number): number {
  if (s === '') return 0;
  let last: number | undefined;
  let total = 0;
  const atoi = (x: string) => {
    if (!/^[+-]?[0-9]+$/.test(x)) throw new Error(`cannot convert string to integer for index: ${JSON.stringify(x)}`);
    return Number.parseInt(x, 10);
  };
  for (const interval of s.split(',')) {
    const limits = interval.split('-');
    if (limits.length > 2)
      throw new Error(`the fragment ${JSON.stringify(interval)} violates the requirement that an index interval can have at most two parts separated by '-'`);
    const x = atoi(limits[0]!);
    if (x >= completions) throw new Error(`too large index: ${JSON.stringify(limits[0])}`);
    if (last !== undefined && last >= x) throw new Error(`non-increasing order, previous: ${last}, current: ${x}`);
    total++;
    last = x;
    if (limits.length > 1) {
      const y = atoi(limits[1]!);
      if (y >= completions) throw new Error(`too large index: ${JSON.stringify(limits[1])}`);
      if (last >= y) throw new Error(`non-increasing order, previous: ${last}, current: ${y}`);
      total += y - x;
      last = y;
    }
  }
  return total;
}

const goSuccessPolicy = (sp: Obj) =>
  `batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{${(sp.rules ?? [])
    .map((r: Obj) => `batch.SuccessPolicyRule{SucceededIndexes:${goPtr('string', r.succeededIndexes)}, SucceededCount:${goPtr('int32', r.succeededCount)}}`)
    .join(', ')}}}`;

/** successPolicy: Indexed jobs only; 1–20 rules, each with succeededIndexes and/or succeededCount. */
export function validateSuccessPolicy(spec: Obj, path: string): FieldError[] {
  const sp = spec.successPolicy;
  if ((spec.completionMode ?? 'NonIndexed') !== 'Indexed') return [rawErr(path, goSuccessPolicy(sp), 'requires indexed completion mode')];
  const rules: Obj[] = sp.rules ?? [];
  const errs: FieldError[] = [];
  if (rules.length === 0) errs.push(fieldErr.required(`${path}.rules`, 'at least one rules must be specified when the successPolicy is specified'));
  if (rules.length > 20) errs.push(fieldErr.tooMany(`${path}.rules`, rules.length, 20));
  const completions = spec.completions ?? 0;
  rules.forEach((rule, i) => {
    const rp = `${path}.rules[${i}]`;
    if (rule.succeededCount == null && rule.succeededIndexes == null)
      errs.push(fieldErr.required(rp, 'at least one of succeededCount or succeededIndexes must be specified'));
    let total = 0;
    if (rule.succeededIndexes != null) {
      const ip = `${rp}.succeededIndexes`;
      if (rule.succeededIndexes.length > 64 * 1024) errs.push(fieldErr.tooLong(ip, 64 * 1024));
      try {
        total = parseIndexes(rule.succeededIndexes, completions);
      } catch (e) {
        errs.push(fieldErr.invalid(ip, rule.succeededIndexes, `error parsing succeededIndexes: ${(e as Error).message}`));
      }
    }
    if (rule.succeededCount != null) {
      const cp = `${rp}.succeededCount`;
      errs.push(...nonNegative(rule.succeededCount, cp));
      if (rule.succeededCount > completions)
        errs.push(fieldErr.invalid(cp, rule.succeededCount, `must be less than or equal to ${completions} (the number of specified completions)`));
      if (rule.succeededIndexes != null && rule.succeededCount > total)
        errs.push(fieldErr.invalid(cp, rule.succeededCount, `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`));
    }
  });
  return errs;
}

/** podReplacementPolicy: Failed or TerminatingOrFailed; only Failed together with a podFailurePolicy. */
export function validatePodReplacementPolicy(spec: Obj, path: string): FieldError[] {
  const v = spec.podReplacementPolicy;
  if (v == null) return [];
  if (spec.podFailurePolicy != null) return v === 'Failed' ? [] : [fieldErr.notSupported(path, v, ['Failed'])];
  return v === 'Failed' || v === 'TerminatingOrFailed' ? [] : [fieldErr.notSupported(path, v, ['Failed', 'TerminatingOrFailed'])];
}
