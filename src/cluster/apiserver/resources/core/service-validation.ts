/**
 * ValidateService / ValidateServiceUpdate (pkg/apis/core/validation, v1.32) for the fields a learner
 * touches: ports, type, selector, session affinity, cluster IPs and families, external IPs, traffic
 * policies and the load-balancer fields. Messages and value renderings follow upstream.
 */
import { fieldErr, FieldErrorType, type FieldError } from '../../../api/errors';
import { isIPv4, parseIPSloppy } from '../../../api/ip';
import { isDNS1035Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, isValidIP, validateLabels } from '../../../api/validation';
import {
  arr,
  dns1123Label,
  dns1123Subdomain,
  goQ,
  goTypedSlice,
  invalidEach,
  isValidCIDR,
  nonSpecialIP,
  qualifiedName,
  rawErr,
  rawInvalid,
  str,
  type Json,
} from './helpers';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const POLICIES = ['Cluster', 'Local'];
const FAMILIES = ['IPv4', 'IPv6'];
const FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];

export const isHeadless = (o: Json): boolean => arr(o.spec?.clusterIPs).length === 1 && o.spec.clusterIPs[0] === 'None';
export const externallyAccessible = (o: Json): boolean => {
  const t = o.spec?.type;
  return t === 'LoadBalancer' || t === 'NodePort' || (t === 'ClusterIP' && arr(o.spec?.externalIPs).length > 0);
};
export const needsHealthCheck = (o: Json): boolean => o.spec?.type === 'LoadBalancer' && o.spec?.externalTrafficPolicy === 'Local';

/**
 * Service names must be DNS-1035 labels (ValidateServiceName). The generic object-meta check only
 * knows DNS-1123 subdomains, so the stricter rule is added here for names that pass that one.
 */
export function serviceNameErrors(o: Json): FieldError[] {
  const name = str(o.metadata?.name);
  if (name && !isDNS1123Subdomain(name).length) return invalidEach('metadata.name', name, isDNS1035Label(name));
  const gen = str(o.metadata?.generateName);
  if (!name && gen) {
    const masked = gen.length > 1 && gen.endsWith('-') ? `${gen.slice(0, -2)}a` : gen;
    if (!isDNS1123Subdomain(masked).length) return invalidEach('metadata.generateName', gen, isDNS1035Label(masked));
  }
  return [];
}

/** %#v of intstr.IntOrString. */
const goIntOrString = (v: unknown) =>
  typeof v === 'string'
    ? `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQ(v)}}`
    : `intstr.IntOrString{Type:0, IntVal:${typeof v === 'number' ? v : 0}, StrVal:""}`;
/** %#v of the (protocol, port) key upstream reports for duplicate ports. */
const goPortKey = (protocol: string, port: number) =>
  `core.ServicePort{Name:"", Protocol:${goQ(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:${goIntOrString(0)}, NodePort:0}`;

function validatePort(sp: Json, requireName: boolean, names: Set<string>, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(sp?.name);
  if (requireName && !name) errs.push(fieldErr.required(`${p}.name`, ''));
  else if (name) {
    errs.push(...dns1123Label(name, `${p}.name`));
    if (names.has(name)) errs.push(fieldErr.duplicate(`${p}.name`, name));
    else names.add(name);
  }
  const port = typeof sp?.port === 'number' ? sp.port : 0;
  for (const m of isValidPortNum(port)) errs.push(fieldErr.invalid(`${p}.port`, port, m));
  const proto = str(sp?.protocol);
  if (!proto) errs.push(fieldErr.required(`${p}.protocol`, ''));
  else if (!PROTOCOLS.includes(proto)) errs.push(fieldErr.notSupported(`${p}.protocol`, proto, PROTOCOLS));
  const tp = sp?.targetPort;
  if (typeof tp === 'string') for (const m of isValidPortName(tp)) errs.push(fieldErr.invalid(`${p}.targetPort`, tp, m));
  else {
    const n = typeof tp === 'number' ? tp : 0;
    for (const m of isValidPortNum(n)) errs.push(fieldErr.invalid(`${p}.targetPort`, n, m));
  }
  if (sp?.appProtocol != null) errs.push(...qualifiedName(str(sp.appProtocol), `${p}.appProtocol`));
  return errs;
}

/** ValidateServiceClusterIPsRelatedFields: clusterIP/clusterIPs sync, families, policy, IP syntax. */
export function validateClusterIPsRelated(o: Json): FieldError[] {
  const spec = o.spec ?? {};
  if (spec.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ips: string[] = arr(spec.clusterIPs);
  const ipsValue = goTypedSlice('string', spec.clusterIPs);
  if (str(spec.clusterIP)) {
    if (!ips.length) errs.push(fieldErr.required('spec.clusterIPs', ''));
    else if (ips[0] !== spec.clusterIP) errs.push(rawInvalid('spec.clusterIPs', ipsValue, 'first value must match `clusterIP`'));
  } else if (ips.length) errs.push(rawInvalid('spec.clusterIPs', ipsValue, 'must be empty when `clusterIP` is not specified'));
  const seen = new Set<string>();
  arr(spec.ipFamilies).forEach((f, i) => {
    if (!FAMILIES.includes(f)) errs.push(fieldErr.notSupported(`spec.ipFamilies[${i}]`, f, FAMILIES));
    if (seen.has(f)) errs.push(fieldErr.duplicate(`spec.ipFamilies[${i}]`, f));
    seen.add(f);
  });
  if (spec.ipFamilyPolicy != null && !FAMILY_POLICIES.includes(spec.ipFamilyPolicy))
    errs.push(fieldErr.notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, FAMILY_POLICIES));
  let badIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        badIPs = true;
        errs.push(rawInvalid('spec.clusterIPs', ipsValue, "'None' must be the first and only value"));
      }
      return;
    }
    const e = isValidIP(`spec.clusterIPs[${i}]`, ip);
    if (e.length) badIPs = true;
    errs.push(...e);
  });
  if (ips.length > 2) errs.push(rawInvalid('spec.clusterIPs', ipsValue, 'may only hold up to 2 values'));
  if (badIPs) return errs;
  if (ips.length > 1 && (ips.length !== 2 || isIPv4(ips[0]!) === isIPv4(ips[1]!)))
    errs.push(rawInvalid('spec.clusterIPs', ipsValue, 'may specify no more than one IP for each IP family'));
  const fams: string[] = arr(spec.ipFamilies);
  if (!isHeadless(o) && ips.length && fams.length)
    ips.forEach((ip, i) => {
      if (i >= fams.length) return;
      const v6 = !!parseIPSloppy(ip) && !isIPv4(ip);
      if (fams[i] === 'IPv4' && v6)
        errs.push(fieldErr.invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (fams[i] === 'IPv6' && !v6)
        errs.push(fieldErr.invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  return errs;
}

function validateAffinity(spec: Json): FieldError[] {
  const aff = spec.sessionAffinity;
  const p = 'spec.sessionAffinityConfig';
  if (!aff) return [fieldErr.required('spec.sessionAffinity', '')];
  if (aff !== 'ClientIP' && aff !== 'None') return [fieldErr.notSupported('spec.sessionAffinity', aff, ['ClientIP', 'None'])];
  if (aff === 'None') return spec.sessionAffinityConfig != null ? [fieldErr.forbidden(p, 'must not be set when session affinity is None')] : [];
  const when = 'when session affinity type is ClientIP';
  const cfg = spec.sessionAffinityConfig;
  if (cfg == null) return [fieldErr.required(p, when)];
  if (cfg.clientIP == null) return [fieldErr.required(`${p}.clientIP`, when)];
  const t = cfg.clientIP.timeoutSeconds;
  if (t == null) return [fieldErr.required(`${p}.clientIP.timeoutSeconds`, when)];
  return t <= 0 || t > 86400 ? [fieldErr.invalid(`${p}.clientIP.timeoutSeconds`, t, 'must be greater than 0 and less than 86400')] : [];
}

/** The spec part of ValidateService, in upstream's order. */
export function validateServiceSpec(o: Json): FieldError[] {
  const spec = o.spec ?? {};
  const errs: FieldError[] = [];
  const ports = arr(spec.ports);
  const type = spec.type;
  if (!ports.length && !isHeadless(o) && type !== 'ExternalName') errs.push(fieldErr.required('spec.ports', ''));
  if ((type === 'LoadBalancer' || type === 'NodePort') && isHeadless(o))
    errs.push(fieldErr.invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${type} services`));
  if (type === 'ExternalName') {
    if (arr(spec.clusterIPs).length) errs.push(fieldErr.forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (arr(spec.ipFamilies).length) errs.push(fieldErr.forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy != null) errs.push(fieldErr.forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = str(spec.externalName).replace(/\.$/, '');
    if (cname) errs.push(...dns1123Subdomain(cname, 'spec.externalName'));
    else errs.push(fieldErr.required('spec.externalName', ''));
  }
  const names = new Set<string>();
  ports.forEach((sp, i) => errs.push(...validatePort(sp, ports.length > 1, names, `spec.ports[${i}]`)));
  if (spec.selector != null) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  errs.push(...validateAffinity(spec));
  errs.push(...validateClusterIPsRelated(o));
  arr(spec.externalIPs).forEach((ip, i) => {
    const e = isValidIP(`spec.externalIPs[${i}]`, str(ip));
    errs.push(...(e.length ? e : nonSpecialIP(str(ip), `spec.externalIPs[${i}]`)));
  });
  if (!type) errs.push(fieldErr.required('spec.type', ''));
  else if (!SERVICE_TYPES.includes(type)) errs.push(fieldErr.notSupported('spec.type', type, SERVICE_TYPES));
  if (type === 'ClusterIP')
    ports.forEach((sp, i) => {
      if (sp?.nodePort) errs.push(fieldErr.forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  const nodePorts = new Set<string>();
  ports.forEach((sp, i) => {
    if (!sp?.nodePort) return;
    const key = `${sp.protocol}/${sp.nodePort}`;
    if (nodePorts.has(key)) errs.push(fieldErr.duplicate(`spec.ports[${i}].nodePort`, sp.nodePort));
    nodePorts.add(key);
  });
  const seenPorts = new Set<string>();
  ports.forEach((sp, i) => {
    const key = `${str(sp?.protocol)}/${sp?.port ?? 0}`;
    if (seenPorts.has(key)) errs.push(rawErr(FieldErrorType.Duplicate, `spec.ports[${i}]`, goPortKey(str(sp?.protocol), sp?.port ?? 0)));
    seenPorts.add(key);
  });
  const ranges = arr(spec.loadBalancerSourceRanges);
  if (ranges.length) {
    // upstream's path really is capitalised here
    if (type !== 'LoadBalancer') errs.push(fieldErr.forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => errs.push(...isValidCIDR(`spec.LoadBalancerSourceRanges[${i}]`, str(r).trim())));
  }
  if (spec.allocateLoadBalancerNodePorts != null && type !== 'LoadBalancer')
    errs.push(fieldErr.forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  if (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts == null) errs.push(fieldErr.required('allocateLoadBalancerNodePorts', ''));
  if (spec.loadBalancerClass != null) {
    if (type === 'LoadBalancer') errs.push(...qualifiedName(str(spec.loadBalancerClass), 'spec.loadBalancerClass'));
    else errs.push(fieldErr.forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"));
  }
  errs.push(...validateTrafficPolicies(o));
  return errs;
}

function validateTrafficPolicies(o: Json): FieldError[] {
  const spec = o.spec;
  const errs: FieldError[] = [];
  const etp = spec.externalTrafficPolicy;
  if (!externallyAccessible(o)) {
    if (etp) errs.push(fieldErr.invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  } else if (!etp) errs.push(fieldErr.required('spec.externalTrafficPolicy', ''));
  else if (!POLICIES.includes(etp)) errs.push(fieldErr.notSupported('spec.externalTrafficPolicy', etp, POLICIES));
  const hc = spec.healthCheckNodePort ?? 0;
  if (!needsHealthCheck(o)) {
    if (hc) errs.push(fieldErr.invalid('spec.healthCheckNodePort', hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (!hc) errs.push(fieldErr.required('spec.healthCheckNodePort', ''));
  else for (const m of isValidPortNum(hc)) errs.push(fieldErr.invalid('spec.healthCheckNodePort', hc, m));
  const itp = spec.internalTrafficPolicy;
  if (itp == null && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) errs.push(fieldErr.required('spec.internalTrafficPolicy', ''));
  if (itp != null && !POLICIES.includes(itp)) errs.push(fieldErr.notSupported('spec.internalTrafficPolicy', itp, POLICIES));
  const td = spec.trafficDistribution;
  if (td != null && td !== 'PreferClose') errs.push(fieldErr.notSupported('spec.trafficDistribution', td, ['PreferClose']));
  return errs;
}

/** The update-only checks of ValidateServiceUpdate: cluster IPs, families, LB class, health-check port. */
export function validateServiceUpdateFields(o: Json, old: Json): FieldError[] {
  const errs: FieldError[] = [];
  const ext = o.spec?.type === 'ExternalName' || old.spec?.type === 'ExternalName';
  if (!ext && !(isHeadless(o) && isHeadless(old))) {
    const a: string[] = arr(old.spec?.clusterIPs);
    const b: string[] = arr(o.spec?.clusterIPs);
    const v = goTypedSlice('string', o.spec?.clusterIPs);
    if (a.length === b.length) a.forEach((ip, i) => ip !== b[i] && errs.push(rawInvalid(`spec.clusterIPs[${i}]`, v, 'may not change once set')));
    else if (a.length > b.length) {
      if (!b.length) errs.push(rawInvalid('spec.clusterIPs[0]', v, 'primary clusterIP can not be unset'));
      if (b.length && b[0] !== a[0]) errs.push(rawInvalid('spec.clusterIPs[0]', v, 'may not change once set'));
    } else if (a.length && b[0] !== a[0]) errs.push(rawInvalid('spec.clusterIPs[0]', v, 'may not change once set'));
  }
  if (!ext && isHeadless(o) === isHeadless(old) && !isHeadless(o)) {
    const a: string[] = arr(old.spec?.ipFamilies);
    const b: string[] = arr(o.spec?.ipFamilies);
    if (a.length === b.length)
      a.forEach((f, i) => f !== b[i] && errs.push(rawInvalid('spec.ipFamilies[0]', goTypedSlice('core.IPFamily', b), 'may not change once set')));
  }
  if (old.spec?.type === 'LoadBalancer' && o.spec?.type === 'LoadBalancer' && (old.spec?.loadBalancerClass ?? null) !== (o.spec?.loadBalancerClass ?? null))
    errs.push(fieldErr.invalid('spec.loadBalancerClass', o.spec?.loadBalancerClass ?? null, 'may not change once set'));
  if (needsHealthCheck(old) && needsHealthCheck(o) && (o.spec?.healthCheckNodePort ?? 0) !== (old.spec?.healthCheckNodePort ?? 0))
    errs.push(fieldErr.forbidden('spec.healthCheckNodePort', 'field is immutable'));
  return errs;
}
