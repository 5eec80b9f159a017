import { fieldErr, type FieldError } from '../../../api/errors';
import { isIPv4, parseIPSloppy } from '../../../api/ip';
import type { KObject } from '../../../api/types';
import { isDNS1123Label, isDNS1123Subdomain, validateLabels } from '../../../api/validation';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { age, arr, dns1123Label, nonSpecialIP, qualifiedName, str, type Json } from './helpers';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** listWithMoreString: up to three items, ` + N more...`, `<unset>` when empty. */
function listWithMore(items: string[]): string {
  const max = 3;
  const shown = items.slice(0, max).join(',');
  if (items.length > max) return `${shown} + ${items.length - max} more...`;
  return shown || '<unset>';
}

/** formatDiscoveryPorts: the port number, else its name, else `*`. */
export const formatDiscoveryPorts = (o: KObject): string =>
  listWithMore(arr(o.ports).map((p) => (p?.port != null ? String(p.port) : p?.name != null ? String(p.name) : '*')));

/** formatDiscoveryEndpoints: every address of every endpoint. */
export const formatDiscoveryEndpoints = (o: KObject): string => listWithMore(arr(o.endpoints).flatMap((e) => arr(e?.addresses).map(String)));

// validation.IsFullyQualifiedDomainName
function fqdn(field: string, name: string): FieldError[] {
  if (!name) return [fieldErr.required(field, '')];
  const n = name.endsWith('.') ? name.slice(0, -1) : name;
  const sub = isDNS1123Subdomain(n);
  if (sub.length) return [fieldErr.invalid(field, n, sub.join(','))];
  const labels = n.split('.');
  if (labels.length < 2) return [fieldErr.invalid(field, n, 'should be a domain with at least two segments separated by dots')];
  for (const l of labels) {
    const e = isDNS1123Label(l);
    if (e.length) return [fieldErr.invalid(field, l, e.join(','))];
  }
  return [];
}

function validateAddress(type: string, a: string, p: string): FieldError[] {
  if (type === 'IPv4') {
    const ok = !!parseIPSloppy(a) && isIPv4(a);
    return [...(ok ? [] : [fieldErr.invalid(p, a, 'must be a valid IPv4 address')]), ...nonSpecialIP(a, p)];
  }
  if (type === 'IPv6') {
    const ok = !!parseIPSloppy(a) && !isIPv4(a);
    return [...(ok ? [] : [fieldErr.invalid(p, a, 'must be a valid IPv6 address')]), ...nonSpecialIP(a, p)];
  }
  return type === 'FQDN' ? fqdn(p, a) : [];
}

/** ValidateEndpointSlice (discovery/v1). */
export function validateEndpointSlice(o: KObject): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(o.addressType);
  if (!type) errs.push(fieldErr.required('addressType', ''));
  else if (!ADDRESS_TYPES.includes(type)) errs.push(fieldErr.notSupported('addressType', type, ADDRESS_TYPES));
  const eps = arr(o.endpoints);
  if (eps.length > 1000) errs.push(fieldErr.tooMany('endpoints', eps.length, 1000));
  else
    eps.forEach((e: Json, i) => {
      const p = `endpoints[${i}]`;
      const addrs = arr(e?.addresses);
      if (!addrs.length) errs.push(fieldErr.required(`${p}.addresses`, 'must contain at least 1 address'));
      else if (addrs.length > 100) errs.push(fieldErr.tooMany(`${p}.addresses`, addrs.length, 100));
      addrs.forEach((a, j) => errs.push(...validateAddress(type, str(a), `${p}.addresses[${j}]`)));
      const topo = e?.deprecatedTopology;
      if (topo && Object.keys(topo).length > 16) errs.push(fieldErr.tooMany(`${p}.topology`, Object.keys(topo).length, 16));
      errs.push(...validateLabels(topo, `${p}.topology`));
      if (e?.hostname != null) errs.push(...dns1123Label(str(e.hostname), `${p}.hostname`));
    });
  const ports = arr(o.ports);
  if (ports.length > 100) return [...errs, fieldErr.tooMany('ports', ports.length, 100)];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `ports[${i}]`;
    const name = str(port?.name);
    if (name) errs.push(...dns1123Label(name, `${p}.name`));
    if (names.has(name)) errs.push(fieldErr.duplicate(`${p}.name`, name));
    else names.add(name);
    if (port?.protocol == null) errs.push(fieldErr.required(`${p}.protocol`, ''));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(fieldErr.notSupported(`${p}.protocol`, port.protocol, PROTOCOLS));
    if (port?.appProtocol != null) errs.push(...qualifiedName(str(port.appProtocol), `${p}.appProtocol`));
  });
  return errs;
}

/** discovery.k8s.io/v1 EndpointSlice; the `kubernetes.io/service-name` label is served by the label index. */
export const endpointSlices = defineResource({
  group: 'discovery.k8s.io',
  version: 'v1',
  kind: 'EndpointSlice',
  plural: 'endpointslices',
  singular: 'endpointslice',
  namespaced: true,
  tracksGeneration: true,
  defaults(o) {
    for (const p of arr(o.ports)) {
      if (!p || typeof p !== 'object') continue;
      p.name ??= '';
      p.protocol ??= 'TCP';
    }
  },
  validate: validateEndpointSlice,
  validateUpdate: (o, old) => (o.addressType !== old.addressType ? [fieldErr.immutable('addressType', o.addressType)] : []),
  columns: [
    nameColumn,
    col('AddressType', 'string', 0, 'addressType specifies the type of address carried by this EndpointSlice.'),
    col('Ports', 'string', 0, 'ports specifies the list of network ports exposed by each endpoint in this slice.'),
    col('Endpoints', 'string', 0, 'endpoints is a list of unique endpoints in this slice.'),
    ageColumn,
  ],
  row: (o, now) => [o.metadata.name, str(o.addressType), formatDiscoveryPorts(o), formatDiscoveryEndpoints(o), age(o, now)],
});
