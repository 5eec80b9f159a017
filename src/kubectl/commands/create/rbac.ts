/**
 * `kubectl create role|clusterrole|rolebinding|clusterrolebinding` (pkg/cmd/create/create_role.go,
 * create_clusterrole.go, create_rolebinding.go, create_clusterrolebinding.go): one rule per API
 * group from --verb/--resource, or an aggregation rule; bindings to users, groups and service accounts.
 */
import type { Command, Cmd } from '../../cli/command';
import type { ApiResource } from '../../discovery/types';
import { NoResourceMatchError } from '../../errors';
import type { Obj } from '../../util/manifest';
import { createGenerated, enforcedNamespace, generatorFlags, nameFromArgs } from './generate';

const RBAC = 'rbac.authorization.k8s.io';
const validResourceVerbs = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
const validNonResourceVerbs = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

/** Verbs that only make sense on particular group/resources (`[group, resource]`). */
const specialVerbs: Record<string, [string, string][]> = {
  use: [['policy', 'podsecuritypolicies'], ['extensions', 'podsecuritypolicies']],
  bind: [[RBAC, 'roles'], [RBAC, 'clusterroles']],
  escalate: [[RBAC, 'roles'], [RBAC, 'clusterroles']],
  impersonate: [['', 'users'], ['', 'serviceaccounts'], ['', 'groups'], ['authentication.k8s.io', 'userextras']],
};

interface ResourceOption {
  group: string;
  resource: string;
  subresource: string;
}

const unique = (xs: string[]) => [...new Set(xs)];

/** Role options after Complete: verbs (`*` alone wins), resources split as resource.group/subresource. */
interface RoleInput {
  name: string;
  verbs: string[];
  resources: ResourceOption[];
  resourceNames: string[];
}

function completeRole(cmd: Cmd): RoleInput {
  const name = nameFromArgs(cmd);
  const verbs = untilStar(cmd.list('verb'));
  const resources: ResourceOption[] = [];
  for (const r of cmd.list('resource')) {
    const slash = r.indexOf('/');
    const head = slash >= 0 ? r.slice(0, slash) : r;
    const dot = head.indexOf('.');
    const opt = { resource: dot >= 0 ? head.slice(0, dot) : head, group: dot >= 0 ? head.slice(dot + 1) : '', subresource: slash >= 0 ? r.slice(slash + 1) : '' };
    // A bare `*` stands for every resource: it replaces whatever came before and ends the list.
    if (opt.resource === '*' && dot < 0 && slash < 0) {
      resources.splice(0, resources.length, opt);
      break;
    }
    resources.push(opt);
  }
  return { name, verbs, resources, resourceNames: unique(cmd.list('resource-name')) };
}

/** Verbs in order without duplicates, until a `*`, which then stands alone. */
function untilStar(given: string[]): string[] {
  const out: string[] = [];
  for (const v of given) {
    if (v === '*') return ['*'];
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** RESTMapper.ResourceFor: the served resource, or the error kubectl would get. */
async function resourceFor(cmd: Cmd, r: ResourceOption): Promise<ApiResource | Error> {
  let m = (await cmd.mapper()).resourceFor(r.resource, r.group, '');
  if (!m && (await cmd.refreshMapper())) m = (await cmd.mapper()).resourceFor(r.resource, r.group, '');
  return m ?? new NoResourceMatchError(r.resource.toLowerCase(), r.group);
}

/** validateResource: every resource must be served, or be the one a special verb needs. */
async function validateResources(cmd: Cmd, input: RoleInput): Promise<void> {
  for (const r of input.resources) {
    if (!r.resource) throw new Error('resource must be specified if apiGroup/subresource specified');
    if (r.resource === '*') return;
    const found = await resourceFor(cmd, r);
    let err = found instanceof Error ? found : undefined;
    const gr = found instanceof Error ? { group: r.group, resource: r.resource } : { group: found.group, resource: found.resource };
    for (const v of input.verbs) {
      const allowed = specialVerbs[v];
      if (!allowed) continue;
      if (!allowed.some(([g, res]) => g === gr.group && res === gr.resource)) throw new Error(`can not perform '${v}' on '${gr.resource}' in group '${gr.group}'`);
      err = undefined;
    }
    if (err) throw err;
  }
}

function warnNonStandard(cmd: Cmd, verbs: string[]): void {
  for (const v of verbs) if (!validResourceVerbs.includes(v)) cmd.err(`Warning: '${v}' is not a standard resource verb\n`);
}

/** generateResourcePolicyRules: one rule per API group (sorted), then one for non-resource URLs. */
async function policyRules(cmd: Cmd, input: RoleInput, nonResourceURLs: string[]): Promise<Obj[]> {
  const byGroup = new Map<string, string[]>();
  for (const r of input.resources) {
    const found = await resourceFor(cmd, r);
    const group = found instanceof Error ? r.group : found.group;
    let resource = found instanceof Error ? r.resource : found.resource;
    if (r.subresource) resource = `${resource}/${r.subresource}`;
    const list = byGroup.get(group) ?? [];
    if (!list.includes(resource)) list.push(resource);
    byGroup.set(group, list);
  }
  const rules: Obj[] = [...byGroup.keys()].sort().map((g) => ({
    verbs: input.verbs,
    apiGroups: [g],
    resources: byGroup.get(g),
    ...(input.resourceNames.length ? { resourceNames: input.resourceNames } : {}),
  }));
  if (nonResourceURLs.length) rules.push({ verbs: input.verbs, nonResourceURLs });
  return rules;
}

const ruleFlags = [
  ...generatorFlags(),
  { name: 'verb', type: 'stringSlice' as const, usage: 'Verb that applies to the resources contained in the rule' },
  { name: 'resource', type: 'stringSlice' as const, usage: 'Resource that the rule applies to' },
  { name: 'resource-name', type: 'stringArray' as const, usage: 'Resource in the white list that the rule applies to, repeat this flag for multiple items' },
];

export const role: Command = {
  name: 'role',
  short: 'Create a role with single rule',
  use: 'create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none]',
  flags: ruleFlags,
  async run(cmd) {
    const input = completeRole(cmd);
    if (!input.name) throw new Error('name must be specified');
    if (!input.verbs.length) throw new Error('at least one verb must be specified');
    warnNonStandard(cmd, input.verbs);
    if (!input.resources.length) throw new Error('at least one resource must be specified');
    await validateResources(cmd, input);
    const ns = enforcedNamespace(cmd);
    const obj: Obj = {
      apiVersion: `${RBAC}/v1`,
      kind: 'Role',
      metadata: { creationTimestamp: null, name: input.name, ...(ns ? { namespace: ns } : {}) } as never,
      rules: await policyRules(cmd, input, []),
    };
    await createGenerated(cmd, obj, { resource: `roles.${RBAC}`, failPrefix: '', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};

export const clusterrole: Command = {
  name: 'clusterrole',
  short: 'Create a cluster role',
  use: 'create clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none]',
  flags: [
    ...ruleFlags,
    { name: 'non-resource-url', type: 'stringSlice', usage: 'A partial url that user should have access to.' },
    { name: 'aggregation-rule', type: 'mapStringString', usage: 'An aggregation label selector for combining ClusterRoles.' },
  ],
  async run(cmd) {
    const urls = unique(cmd.list('non-resource-url'));
    const input = completeRole(cmd);
    const aggregation = cmd.map('aggregation-rule');
    if (!input.name) throw new Error('name must be specified');
    const obj: Obj = { apiVersion: `${RBAC}/v1`, kind: 'ClusterRole', metadata: { creationTimestamp: null, name: input.name } as never };
    if (Object.keys(aggregation).length) {
      if (urls.length || input.verbs.length || input.resources.length || input.resourceNames.length)
        throw new Error('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
      // Rules has no omitempty: a typed ClusterRole without rules prints `rules: null`.
      obj.rules = null;
      obj.aggregationRule = { clusterRoleSelectors: [{ matchLabels: aggregation }] };
    } else {
      if (!input.verbs.length) throw new Error('at least one verb must be specified');
      if (!input.resources.length && !urls.length) throw new Error('one of resource or nonResourceURL must be specified');
      if (input.resources.length) {
        warnNonStandard(cmd, input.verbs);
        await validateResources(cmd, input);
      }
      if (urls.length) {
        for (const v of input.verbs) if (!validNonResourceVerbs.includes(v)) throw new Error(`invalid verb: '${v}' for nonResourceURL`);
        for (const u of urls) {
          if (u === '*') continue;
          if (!u.startsWith('/')) throw new Error('nonResourceURL should start with /');
          if (u.slice(0, -1).includes('*')) throw new Error("nonResourceURL only supports wildcard matches when '*' is at the end");
        }
      }
      obj.rules = await policyRules(cmd, input, urls);
    }
    await createGenerated(cmd, obj, { resource: `clusterroles.${RBAC}`, failPrefix: '', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};

/** Subjects in kubectl's order: users, groups, then service accounts (`namespace:name`). */
function subjects(cmd: Cmd): Obj[] {
  const out: Obj[] = [];
  for (const name of cmd.list('user')) out.push({ kind: 'User', apiGroup: RBAC, name });
  for (const name of cmd.list('group')) out.push({ kind: 'Group', apiGroup: RBAC, name });
  for (const sa of cmd.list('serviceaccount')) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new Error('serviceaccount must be <namespace>:<name>');
    out.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] });
  }
  return out;
}

const subjectFlags = (target: string) => [
  { name: 'user', type: 'stringArray' as const, usage: `Usernames to bind to the ${target}. The flag can be repeated to add multiple users.` },
  { name: 'group', type: 'stringArray' as const, usage: `Groups to bind to the ${target}. The flag can be repeated to add multiple groups.` },
  { name: 'serviceaccount', type: 'stringArray' as const, usage: `Service accounts to bind to the ${target}, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.` },
];

export const rolebinding: Command = {
  name: 'rolebinding',
  short: 'Create a role binding for a particular role or cluster role',
  use: 'create rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]',
  flags: [
    ...generatorFlags(),
    { name: 'clusterrole', type: 'string', usage: 'ClusterRole this RoleBinding should reference' },
    { name: 'role', type: 'string', usage: 'Role this RoleBinding should reference' },
    ...subjectFlags('role'),
  ],
  async run(cmd) {
    const name = nameFromArgs(cmd);
    const [roleName, clusterRole] = [cmd.str('role'), cmd.str('clusterrole')];
    if (!name) throw new Error('name must be specified');
    if (!roleName === !clusterRole) throw new Error('exactly one of clusterrole or role must be specified');
    const ns = enforcedNamespace(cmd);
    const subs = subjects(cmd);
    const obj: Obj = {
      apiVersion: `${RBAC}/v1`,
      kind: 'RoleBinding',
      metadata: { creationTimestamp: null, name, ...(ns ? { namespace: ns } : {}) } as never,
      roleRef: { apiGroup: RBAC, kind: roleName ? 'Role' : 'ClusterRole', name: roleName || clusterRole },
      ...(subs.length ? { subjects: subs } : {}),
    };
    await createGenerated(cmd, obj, { resource: `rolebindings.${RBAC}`, failPrefix: 'failed to create rolebinding: ', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};

export const clusterrolebinding: Command = {
  name: 'clusterrolebinding',
  short: 'Create a cluster role binding for a particular cluster role',
  use: 'create clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]',
  flags: [...generatorFlags(), { name: 'clusterrole', type: 'string', usage: 'ClusterRole this ClusterRoleBinding should reference' }, ...subjectFlags('clusterrole')],
  required: ['clusterrole'],
  async run(cmd) {
    const name = nameFromArgs(cmd);
    const subs = subjects(cmd);
    const obj: Obj = {
      apiVersion: `${RBAC}/v1`,
      kind: 'ClusterRoleBinding',
      metadata: { creationTimestamp: null, name } as never,
      roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: cmd.str('clusterrole') },
      ...(subs.length ? { subjects: subs } : {}),
    };
    await createGenerated(cmd, obj, { resource: `clusterrolebindings.${RBAC}`, failPrefix: 'failed to create clusterrolebinding: ', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};
