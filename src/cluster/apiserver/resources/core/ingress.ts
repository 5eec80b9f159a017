import { fieldErr, type FieldError } from '../../../api/errors';
import { parseIPSloppy } from '../../../api/ip';
import type { KObject } from '../../../api/types';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum, nameIsDNS1035Label, nameIsDNSSubdomain, regexError } from '../../../api/validation';
import type { RequestContext } from '../../types';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { age, arr, invalidEach, isUpdate, newestFirst, pathSegmentName, rawInvalid, str, type Json } from './helpers';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const WILDCARD_FMT = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';

/** validation.IsWildcardDNS1123Subdomain. */
export function isWildcardDNS1123Subdomain(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 253) errs.push('must be no more than 253 characters');
  if (!new RegExp(`^${WILDCARD_FMT}$`).test(v))
    errs.push(
      regexError(
        "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
        WILDCARD_FMT,
        '*.example.com',
      ),
    );
  return errs;
}

const hostErrs = (host: string, field: string) =>
  invalidEach(field, host, host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host));

/** validateIngressTypedLocalObjectReference (resource backends). */
function validateResourceRef(r: Json, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (r.apiGroup != null) errs.push(...invalidEach(`${p}.apiGroup`, str(r.apiGroup), isDNS1123Subdomain(str(r.apiGroup))));
  if (!str(r.kind)) errs.push(fieldErr.required(`${p}.kind`, ''));
  else errs.push(...invalidEach(`${p}.kind`, r.kind, pathSegmentName(r.kind)));
  if (!str(r.name)) errs.push(fieldErr.required(`${p}.name`, ''));
  else errs.push(...invalidEach(`${p}.name`, r.name, pathSegmentName(r.name)));
  return errs;
}

/** validateIngressBackend. */
export function validateBackend(b: Json, p: string): FieldError[] {
  const hasResource = b?.resource != null;
  const svc = b?.service;
  if (hasResource && svc != null) return [fieldErr.invalid(p, '', 'cannot set both resource and service backends')];
  if (hasResource) return validateResourceRef(b.resource, `${p}.resource`);
  if (svc == null) return [fieldErr.invalid(p, '', 'resource or service backend is required')];
  const errs: FieldError[] = [];
  const name = str(svc.name);
  if (!name) errs.push(fieldErr.required(`${p}.service.name`, ''));
  else errs.push(...invalidEach(`${p}.service.name`, name, nameIsDNS1035Label(name, false)));
  const portName = str(svc.port?.name);
  const portNumber = svc.port?.number ?? 0;
  if (portName && portNumber) errs.push(fieldErr.invalid(p, '', 'cannot set both port name & port number'));
  else if (portName) errs.push(...invalidEach(`${p}.service.port.name`, portName, isValidPortName(portName)));
  else if (portNumber) errs.push(...invalidEach(`${p}.service.port.number`, portNumber, isValidPortNum(portNumber)));
  else errs.push(fieldErr.required(p, 'port name or number is required'));
  return errs;
}

function validatePath(path: Json, p: string): FieldError[] {
  if (path?.pathType == null) return [fieldErr.required(`${p}.pathType`, 'pathType must be specified')];
  const errs: FieldError[] = [];
  const value = str(path.path);
  const abs = () => errs.push(fieldErr.invalid(`${p}.path`, value, 'must be an absolute path'));
  if (path.pathType === 'Exact' || path.pathType === 'Prefix') {
    if (!value.startsWith('/')) abs();
    if (value) {
      for (const seq of ['//', '/./', '/../', '%2f', '%2F'])
        if (value.includes(seq)) errs.push(fieldErr.invalid(`${p}.path`, value, `must not contain '${seq}'`));
      for (const suf of ['/..', '/.']) if (value.endsWith(suf)) errs.push(fieldErr.invalid(`${p}.path`, value, `cannot end with '${suf}'`));
    }
  } else if (path.pathType === 'ImplementationSpecific') {
    if (value && !value.startsWith('/')) abs();
  } else errs.push(fieldErr.notSupported(`${p}.pathType`, path.pathType, PATH_TYPES));
  errs.push(...validateBackend(path.backend, `${p}.backend`));
  return errs;
}

/** ValidateIngressSpec (+ the create-time annotation/class agreement). */
export function validateIngress(o: KObject): FieldError[] {
  const spec = o.spec ?? {};
  const rules = arr(spec.rules);
  const errs: FieldError[] = [];
  if (!rules.length && spec.defaultBackend == null)
    errs.push(rawInvalid('spec', Array.isArray(spec.rules) ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)', 'either `defaultBackend` or `rules` must be specified'));
  if (spec.defaultBackend != null) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((r, i) => {
    const p = `spec.rules[${i}]`;
    const host = str(r?.host);
    if (host) {
      if (parseIPSloppy(host)) errs.push(fieldErr.invalid(`${p}.host`, host, 'must be a DNS name, not an IP address'));
      errs.push(...hostErrs(host, `${p}.host`));
    }
    if (r?.http != null) {
      const paths = arr(r.http.paths);
      if (!paths.length) errs.push(fieldErr.required(`${p}.http.paths`, ''));
      paths.forEach((path, j) => errs.push(...validatePath(path, `${p}.http.paths[${j}]`)));
    }
  });
  arr(spec.tls).forEach((t, i) => {
    arr(t?.hosts).forEach((h, j) => errs.push(...hostErrs(str(h), `spec.tls[${i}].hosts[${j}]`)));
    if (str(t?.secretName)) errs.push(...invalidEach(`spec.tls[${i}].secretName`, t.secretName, nameIsDNSSubdomain(t.secretName, false)));
  });
  if (spec.ingressClassName != null)
    errs.push(...invalidEach('spec.ingressClassName', str(spec.ingressClassName), nameIsDNSSubdomain(str(spec.ingressClassName), false)));
  return errs;
}

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
const isDefaultClass = (c: KObject) => c.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true';

/** DefaultIngressClass admission: an ingress with no class (field or annotation) gets the newest default. */
function admitDefaultClass(o: KObject, ctx: RequestContext): void {
  if (o.spec?.ingressClassName != null || o.metadata.annotations?.[CLASS_ANNOTATION] !== undefined) return;
  const def = ctx.list('networking.k8s.io/ingressclasses').filter(isDefaultClass).sort(newestFirst)[0];
  if (def) (o.spec ??= {}).ingressClassName = def.metadata.name;
}

/** ingressLoadBalancerStatusStringer (wide, as the server prints). */
const ingressAddress = (o: KObject) => {
  const set = new Set<string>();
  for (const i of arr(o.status?.loadBalancer?.ingress)) {
    if (i?.ip) set.add(i.ip);
    else if (i?.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(',');
};

/** formatHosts (printers.go), quirks included: "more" counts rules, not hosts. */
export function formatHosts(o: KObject): string {
  const rules = arr(o.spec?.rules);
  const list: string[] = [];
  let more = false;
  for (const r of rules) {
    if (list.length === 3) more = true;
    if (!more && str(r?.host)) list.push(str(r.host));
  }
  if (!list.length) return '*';
  return more ? `${list.join(',')} + ${rules.length - 3} more...` : list.join(',');
}

/** networking.k8s.io/v1 Ingress. */
export const ingresses = defineResource({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'Ingress',
  plural: 'ingresses',
  singular: 'ingress',
  shortNames: ['ing'],
  namespaced: true,
  subresources: ['status'],
  hasStatus: true,
  tracksGeneration: true,
  prepareForCreate(o, ctx) {
    o.status = {};
    admitDefaultClass(o, ctx);
  },
  validate(o, ctx) {
    const errs = validateIngress(o);
    const ann = o.metadata.annotations?.[CLASS_ANNOTATION];
    // ValidateIngressCreate only
    if (!isUpdate('networking.k8s.io/ingresses', o, ctx) && ann !== undefined && o.spec?.ingressClassName != null && ann !== o.spec.ingressClassName)
      errs.push(fieldErr.invalid(`annotations.${CLASS_ANNOTATION}`, ann, 'must match `ingressClassName` when both are specified'));
    return errs;
  },
  columns: [
    nameColumn,
    col('Class', 'string', 0, 'The name of the IngressClass resource that should be used for additional configuration'),
    col('Hosts', 'string', 0, 'Hosts that incoming requests are matched against before the ingress rule'),
    col('Address', 'string', 0, 'Address is a list containing ingress points for the load-balancer'),
    col('Ports', 'string', 0, 'Ports of TLS configurations that open'),
    ageColumn,
  ],
  row: (o, now) => [
    o.metadata.name,
    o.spec?.ingressClassName ?? '<none>',
    formatHosts(o),
    ingressAddress(o),
    arr(o.spec?.tls).length ? '80, 443' : '80',
    age(o, now),
  ],
});
