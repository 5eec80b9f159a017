import { fieldErr, type FieldError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import { nameIsDNSSubdomain, validateLabelSelector } from '../../../api/validation';
import { ageColumn, col, defaultColumns, defaultRow, defineResource, nameColumn } from '../common';
import type { ResourceDef } from '../../types';
import { age, arr, goQ, invalidEach, pathSegmentName, rawInvalid, str, type Json } from './helpers';

const GROUP = 'rbac.authorization.k8s.io';

function validateRule(rule: Json, namespaced: boolean, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!arr(rule?.verbs).length) errs.push(fieldErr.required(`${p}.verbs`, 'verbs must contain at least one value'));
  const urls = arr(rule?.nonResourceURLs);
  if (urls.length) {
    if (namespaced) errs.push(fieldErr.invalid(`${p}.nonResourceURLs`, urls, 'namespaced rules cannot apply to non-resource URLs'));
    if (arr(rule.apiGroups).length || arr(rule.resources).length || arr(rule.resourceNames).length)
      errs.push(fieldErr.invalid(`${p}.nonResourceURLs`, urls, 'rules cannot apply to both regular resources and non-resource URLs'));
    return errs;
  }
  if (!arr(rule?.apiGroups).length) errs.push(fieldErr.required(`${p}.apiGroups`, 'resource rules must supply at least one api group'));
  if (!arr(rule?.resources).length) errs.push(fieldErr.required(`${p}.resources`, 'resource rules must supply at least one resource'));
  if (arr(rule?.resourceNames).length && arr(rule?.resources).length > 1)
    errs.push(fieldErr.required(`${p}.resourceNames`, 'resource names cannot apply to multiple resources'));
  return errs;
}

function validateRole(o: KObject, namespaced: boolean): FieldError[] {
  const errs = arr(o.rules).flatMap((r, i) => validateRule(r, namespaced, `rules[${i}]`));
  const agg = o.aggregationRule;
  if (!namespaced && agg != null) {
    const sels = arr(agg.clusterRoleSelectors);
    if (!sels.length)
      errs.push(fieldErr.required('aggregationRule.clusterRoleSelectors', 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
    sels.forEach((s, i) => errs.push(...validateLabelSelector(s, `aggregationRule.clusterRoleSelectors[${i}]`)));
  }
  return errs;
}

function validateSubject(s: Json, namespaced: boolean, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(s?.name);
  if (!name) errs.push(fieldErr.required(`${p}.name`, ''));
  switch (s?.kind) {
    case 'ServiceAccount':
      if (name) errs.push(...invalidEach(`${p}.name`, name, nameIsDNSSubdomain(name, false)));
      if (str(s.apiGroup)) errs.push(fieldErr.notSupported(`${p}.apiGroup`, s.apiGroup, ['']));
      if (!namespaced && !str(s.namespace)) errs.push(fieldErr.required(`${p}.namespace`, ''));
      break;
    case 'User':
    case 'Group':
      if (!name) errs.push(fieldErr.invalid(`${p}.name`, name, `${s.kind === 'User' ? 'user' : 'group'} name cannot be empty`));
      if (str(s.apiGroup) !== GROUP) errs.push(fieldErr.notSupported(`${p}.apiGroup`, str(s.apiGroup), [GROUP]));
      break;
    default:
      errs.push(fieldErr.notSupported(`${p}.kind`, str(s?.kind), ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

function validateBinding(o: KObject, namespaced: boolean): FieldError[] {
  const ref = o.roleRef ?? {};
  const errs: FieldError[] = [];
  if (ref.apiGroup !== GROUP) errs.push(fieldErr.notSupported('roleRef.apiGroup', str(ref.apiGroup), [GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind)) errs.push(fieldErr.notSupported('roleRef.kind', str(ref.kind), kinds));
  if (!str(ref.name)) errs.push(fieldErr.required('roleRef.name', ''));
  else errs.push(...invalidEach('roleRef.name', ref.name, pathSegmentName(ref.name)));
  arr(o.subjects).forEach((s, i) => errs.push(...validateSubject(s, namespaced, `subjects[${i}]`)));
  return errs;
}

const goRoleRef = (r: Json) => `rbac.RoleRef{APIGroup:${goQ(r?.apiGroup)}, Kind:${goQ(r?.kind)}, Name:${goQ(r?.name)}}`;
const sameRef = (a: Json, b: Json) => str(a?.apiGroup) === str(b?.apiGroup) && str(a?.kind) === str(b?.kind) && str(a?.name) === str(b?.name);

/** rbac.SubjectsStrings: users, groups and `namespace/name` service accounts, each joined by ", ". */
export function subjectCells(o: KObject): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of arr(o.subjects)) {
    if (s?.kind === 'ServiceAccount') sas.push(`${str(s.namespace)}/${str(s.name)}`);
    else if (s?.kind === 'User') users.push(str(s.name));
    else if (s?.kind === 'Group') groups.push(str(s.name));
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}

// SetDefaults_(Cluster)RoleBinding and SetDefaults_Subject.
function defaultBinding(o: KObject): void {
  o.roleRef ??= {};
  o.roleRef.apiGroup ||= GROUP;
  for (const s of arr(o.subjects)) if (s && !s.apiGroup && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = GROUP;
}

const role = (kind: 'Role' | 'ClusterRole', namespaced: boolean): ResourceDef =>
  defineResource({
    group: GROUP,
    version: 'v1',
    kind,
    plural: `${kind.toLowerCase()}s`,
    singular: kind.toLowerCase(),
    namespaced,
    nameValidator: pathSegmentName,
    validate: (o) => validateRole(o, namespaced),
    // no printer upstream: the default NAME / CREATED AT table
    columns: defaultColumns,
    row: defaultRow,
  });

const binding = (kind: 'RoleBinding' | 'ClusterRoleBinding', namespaced: boolean): ResourceDef => {
  const what = namespaced ? 'roleBinding' : 'clusterRoleBinding';
  return defineResource({
    group: GROUP,
    version: 'v1',
    kind,
    plural: `${kind.toLowerCase()}s`,
    singular: kind.toLowerCase(),
    namespaced,
    nameValidator: pathSegmentName,
    defaults: defaultBinding,
    validate: (o) => validateBinding(o, namespaced),
    validateUpdate: (o, old) => (sameRef(o.roleRef, old.roleRef) ? [] : [rawInvalid('roleRef', goRoleRef(o.roleRef), 'cannot change roleRef')]),
    columns: [
      nameColumn,
      col('Role', 'string', 0, 'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.'),
      ageColumn,
      col('Users', 'string', 1, `Users in the ${what}`),
      col('Groups', 'string', 1, `Groups in the ${what}`),
      col('ServiceAccounts', 'string', 1, `ServiceAccounts in the ${what}`),
    ],
    row: (o, now) => [o.metadata.name, `${str(o.roleRef?.kind)}/${str(o.roleRef?.name)}`, age(o, now), ...subjectCells(o)],
  });
};

/** rbac.authorization.k8s.io/v1. Role and binding names only need to be valid path segments. */
export const roles = role('Role', true);
export const clusterRoles = role('ClusterRole', false);
export const roleBindings = binding('RoleBinding', true);
export const clusterRoleBindings = binding('ClusterRoleBinding', false);
