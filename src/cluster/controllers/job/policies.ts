/**
 * podFailurePolicy and successPolicy matching (pod_failure_policy.go, success_policy.go, v1.32).
 */
import type { KObject } from '../../api/types';
import { has, parseIntervals, total, type Intervals } from './intervals';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export type PolicyAction = 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';

export interface PolicyMatch {
  /** The Job's failure message when a FailJob rule matched. */
  message?: string;
  /** Whether the failure counts towards backoffLimit (false only for Ignore). */
  countFailed: boolean;
  action?: PolicyAction;
}

function exitCodeMatches(code: number, req: Json): boolean {
  const values: number[] = req.values ?? [];
  if (req.operator === 'In') return values.includes(code);
  if (req.operator === 'NotIn') return !values.includes(code);
  return false;
}

// getMatchingContainerFromList: a terminated container with a non-zero exit code the rule selects.
function matchingContainer(statuses: Json[] | undefined, req: Json): Json | undefined {
  for (const s of statuses ?? []) {
    const term = s?.state?.terminated;
    if (!term) continue;
    if (req.containerName != null && req.containerName !== s.name) continue;
    if (term.exitCode !== 0 && exitCodeMatches(term.exitCode ?? 0, req)) return s;
  }
  return undefined;
}

/** matchPodFailurePolicy: the first rule matching the failed pod decides. */
export function matchPodFailurePolicy(policy: Json, pod: KObject): PolicyMatch {
  if (!policy) return { countFailed: true };
  const rules: Json[] = policy.rules ?? [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    const action = rule.action as PolicyAction;
    let failJobMessage: string | undefined;
    if (rule.onExitCodes != null) {
      const s = matchingContainer(pod.status?.containerStatuses, rule.onExitCodes) ?? matchingContainer(pod.status?.initContainerStatuses, rule.onExitCodes);
      if (!s) continue;
      failJobMessage = `Container ${s.name} for pod ${pod.metadata.namespace}/${pod.metadata.name} failed with exit code ${s.state.terminated.exitCode} matching ${action} rule at index ${i}`;
    } else if (rule.onPodConditions != null) {
      const cond = (pod.status?.conditions ?? []).find((c: Json) =>
        (rule.onPodConditions as Json[]).some((p) => c.type === p.type && c.status === (p.status ?? 'True')),
      );
      if (!cond) continue;
      failJobMessage = `Pod ${pod.metadata.namespace}/${pod.metadata.name} has condition ${cond.type} matching ${action} rule at index ${i}`;
    } else continue;
    switch (action) {
      case 'Ignore':
        return { countFailed: false, action };
      case 'FailIndex':
      case 'Count':
        return { countFailed: true, action };
      case 'FailJob':
        return { message: failJobMessage, countFailed: true, action };
    }
  }
  return { countFailed: true };
}

// matchSucceededIndexesRule: how many of the required indexes succeeded.
function succeededIndexesRuleMatches(required: Intervals, succeeded: Intervals, count: number | undefined): boolean {
  let matched = 0;
  for (const iv of required) for (let ix = iv.first; ix <= iv.last; ix++) if (has(succeeded, ix)) matched++;
  return matched === total(required) || (count != null && matched >= count);
}

/** matchSuccessPolicy: "Matched rules at index N" for the first satisfied rule. */
export function matchSuccessPolicy(policy: Json, completions: number, succeeded: Intervals): string | undefined {
  if (!policy || !succeeded.length) return undefined;
  const rules: Json[] = policy.rules ?? [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (rule.succeededIndexes != null) {
      const required = parseIntervals(rule.succeededIndexes, completions);
      if (!required.length) continue;
      if (succeededIndexesRuleMatches(required, succeeded, rule.succeededCount)) return `Matched rules at index ${i}`;
    } else if (rule.succeededCount != null && total(succeeded) >= rule.succeededCount) return `Matched rules at index ${i}`;
  }
  return undefined;
}
