/** `kubectl create poddisruptionbudget|pdb` (pkg/cmd/create/create_pdb.go). */
import type { Command } from '../../cli/command';
import { parseSelector } from '../../../cluster/api/label-parser';
import type { Operator } from '../../../cluster/api/requirement';
import type { Obj } from '../../util/manifest';
import { createGenerated, enforcedNamespace, generatorFlags, nameFromArgs } from './generate';

/** selection.Operator as its string (the form `%q` prints in errors). */
const OP_TEXT: Record<Operator, string> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!', Equals: '=', NotEquals: '!=', GreaterThan: 'gt', LessThan: 'lt' };

/** metav1.ParseToLabelSelector: equalities become matchLabels, set operators matchExpressions. */
export function parseToLabelSelector(selector: string): Obj {
  let reqs;
  try {
    reqs = parseSelector(selector);
  } catch (e) {
    throw new Error(`couldn't parse the selector string "${selector}": ${(e as Error).message}`);
  }
  const matchLabels: Record<string, string> = {};
  const matchExpressions: Obj[] = [];
  for (const r of reqs) {
    if (r.op === 'Equals') {
      matchLabels[r.key] = r.values[0];
      continue;
    }
    if (r.op === 'GreaterThan' || r.op === 'LessThan') throw new Error(`"${OP_TEXT[r.op]}" isn't supported in label selectors`);
    if (r.op === 'NotEquals') throw new Error(`"${OP_TEXT[r.op]}" is not a valid label selector operator`);
    matchExpressions.push({ key: r.key, operator: r.op, ...(r.values.length ? { values: [...r.values].sort() } : {}) });
  }
  return { ...(Object.keys(matchLabels).length ? { matchLabels } : {}), ...(matchExpressions.length ? { matchExpressions } : {}) };
}

/** intstr.Parse: a decimal integer (strconv.Atoi) becomes a number, anything else stays a string. */
export function parseIntOrString(s: string): number | string {
  if (!/^[+-]?\d+$/.test(s)) return s;
  const n = BigInt(s);
  if (n > 2n ** 63n - 1n || n < -(2n ** 63n)) return s;
  return Number(BigInt.asIntN(32, n));
}

export const pdb: Command = {
  name: 'poddisruptionbudget',
  aliases: ['pdb'],
  short: 'Create a pod disruption budget with the specified name',
  use: 'create poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none]',
  flags: [
    ...generatorFlags(),
    { name: 'min-available', type: 'string', usage: 'The minimum number or percentage of available pods this budget requires.' },
    { name: 'max-unavailable', type: 'string', usage: 'The maximum number or percentage of unavailable pods this budget requires.' },
    { name: 'selector', type: 'string', usage: 'A label selector to use for this budget. Only equality-based selector requirements are supported.' },
  ],
  async run(cmd) {
    const name = nameFromArgs(cmd);
    const [min, max, selector] = [cmd.str('min-available'), cmd.str('max-unavailable'), cmd.str('selector')];
    if (!name) throw new Error('name must be specified');
    if (!selector) throw new Error('a selector must be specified');
    if (!max && !min) throw new Error('one of min-available or max-unavailable must be specified');
    if (max && min) throw new Error('min-available and max-unavailable cannot be both specified');
    if (min && !/^[0-9]+%?$/.test(min)) throw new Error('invalid format specified for min-available');
    if (max && !/^[0-9]+%?$/.test(max)) throw new Error('invalid format specified for max-unavailable');
    const ns = enforcedNamespace(cmd);
    const spec: Obj = min ? { minAvailable: parseIntOrString(min) } : {};
    spec.selector = parseToLabelSelector(selector);
    if (max) spec.maxUnavailable = parseIntOrString(max);
    const obj: Obj = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { creationTimestamp: null, name, ...(ns ? { namespace: ns } : {}) } as never,
      spec,
      status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 },
    };
    await createGenerated(cmd, obj, { resource: 'poddisruptionbudgets.policy', failPrefix: 'failed to create poddisruptionbudgets: ', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};
