import { fieldErr, type FieldError } from '../../../api/errors';
import { isDNS1123Subdomain, nameIsDNSLabel, regexError } from '../../../api/validation';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import type { KObject } from '../../../api/types';
import { age, invalidEach, isObject, pathSegmentName, str, updateChecksFirst, type Json } from './helpers';

const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";

/** validation.IsDomainPrefixedPath (the controller name, e.g. `k8s.io/ingress-nginx`). */
export function isDomainPrefixedPath(field: string, v: string): FieldError[] {
  if (!v) return [fieldErr.required(field, '')];
  const slash = v.indexOf('/');
  const [host, path] = slash < 0 ? [v, ''] : [v.slice(0, slash), v.slice(slash + 1)];
  if (slash < 0 || !host || !path) return [fieldErr.invalid(field, v, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errs = invalidEach(field, host, isDNS1123Subdomain(host));
  if (!new RegExp(`^${HTTP_PATH_FMT}$`).test(path)) errs.push(fieldErr.invalid(field, path, regexError('must be a valid path', HTTP_PATH_FMT)));
  return errs;
}

function validateParameters(params: Json, p: string): FieldError[] {
  if (!isObject(params)) return [];
  const errs: FieldError[] = [];
  if (params.apiGroup != null) errs.push(...invalidEach(`${p}.apiGroup`, str(params.apiGroup), isDNS1123Subdomain(str(params.apiGroup))));
  if (!str(params.kind)) errs.push(fieldErr.required(`${p}.kind`, ''));
  else errs.push(...invalidEach(`${p}.kind`, params.kind, pathSegmentName(params.kind)));
  if (!str(params.name)) errs.push(fieldErr.required(`${p}.name`, ''));
  else errs.push(...invalidEach(`${p}.name`, params.name, pathSegmentName(params.name)));
  if (params.scope == null) return [...errs, fieldErr.required(`${p}.scope`, '')];
  if (params.scope !== 'Cluster' && params.scope !== 'Namespace') errs.push(fieldErr.notSupported(`${p}.scope`, params.scope, ['Cluster', 'Namespace']));
  else if (params.scope === 'Namespace') {
    if (params.namespace == null) errs.push(fieldErr.required(`${p}.namespace`, "`parameters.scope` is set to 'Namespace'"));
    else errs.push(...invalidEach(`${p}.namespace`, str(params.namespace), nameIsDNSLabel(str(params.namespace), false)));
  } else if (params.namespace != null) errs.push(fieldErr.forbidden(`${p}.namespace`, "`parameters.scope` is set to 'Cluster'"));
  return errs;
}

function validateIngressClass(o: KObject): FieldError[] {
  const controller = str(o.spec?.controller);
  const errs: FieldError[] = [];
  if (!controller) errs.push(fieldErr.required('spec.controller', ''));
  else {
    if (controller.length > 250) errs.push(fieldErr.tooLong('spec.controller', 250));
    errs.push(...isDomainPrefixedPath('spec.controller', controller));
  }
  return [...errs, ...validateParameters(o.spec?.parameters, 'spec.parameters')];
}

/** networking.k8s.io/v1 IngressClass (cluster-scoped). */
export const ingressClasses = defineResource({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'IngressClass',
  plural: 'ingressclasses',
  singular: 'ingressclass',
  namespaced: false,
  tracksGeneration: true,
  defaults(o) {
    const params = o.spec?.parameters;
    if (isObject(params)) params.scope ??= 'Cluster';
  },
  ...updateChecksFirst('networking.k8s.io/ingressclasses', validateIngressClass, (o, old) =>
    str(o.spec?.controller) !== str(old.spec?.controller) ? [fieldErr.immutable('spec.controller', str(o.spec?.controller))] : [],
  ),
  columns: [
    nameColumn,
    col('Controller', 'string', 0, 'Controller that is responsible for handling this class'),
    col('Parameters', 'string', 0, 'A reference to a resource with additional parameters'),
    ageColumn,
  ],
  row: (o, now) => {
    const p = o.spec?.parameters;
    const params = p ? `${str(p.kind)}${p.apiGroup != null ? `.${p.apiGroup}` : ''}/${str(p.name)}` : '<none>';
    return [o.metadata.name, str(o.spec?.controller), params, age(o, now)];
  },
});
