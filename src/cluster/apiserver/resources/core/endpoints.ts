import { fieldErr, type FieldError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import { isValidIP, isValidPortNum, nameIsDNSSubdomain } from '../../../api/validation';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { age, arr, dns1123Label, invalidEach, nonSpecialIP, qualifiedName, str, type Json } from './helpers';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** net.JoinHostPort: IPv6 hosts are bracketed. */
const joinHostPort = (ip: string, port: unknown) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

/** formatEndpoints (printers.go): up to three `ip:port`, then ` + N more...`; `<none>` without subsets. */
export function formatEndpoints(o: KObject): string {
  const subsets = arr(o.subsets);
  if (!subsets.length) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addrs = arr(ss?.addresses);
    const ports = arr(ss?.ports);
    if (!ports.length) {
      // headless services may have no ports
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(str(a?.ip));
      }
      continue;
    }
    for (const port of ports) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(str(a?.ip), port?.port ?? 0));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

function validateAddress(a: Json, p: string): FieldError[] {
  const ip = str(a?.ip);
  const errs = isValidIP(`${p}.ip`, ip);
  if (a?.hostname) errs.push(...dns1123Label(str(a.hostname), `${p}.hostname`));
  if (a?.nodeName != null) errs.push(...invalidEach(`${p}.nodeName`, str(a.nodeName), nameIsDNSSubdomain(str(a.nodeName), false)));
  errs.push(...nonSpecialIP(ip, `${p}.ip`));
  return errs;
}

function validatePort(port: Json, requireName: boolean, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(port?.name);
  if (requireName && !name) errs.push(fieldErr.required(`${p}.name`, ''));
  else if (name) errs.push(...dns1123Label(name, `${p}.name`));
  const n = typeof port?.port === 'number' ? port.port : 0;
  for (const m of isValidPortNum(n)) errs.push(fieldErr.invalid(`${p}.port`, n, m));
  const proto = str(port?.protocol);
  if (!proto) errs.push(fieldErr.required(`${p}.protocol`, ''));
  else if (!PROTOCOLS.includes(proto)) errs.push(fieldErr.notSupported(`${p}.protocol`, proto, PROTOCOLS));
  if (port?.appProtocol != null) errs.push(...qualifiedName(str(port.appProtocol), `${p}.appProtocol`));
  return errs;
}

/** validateEndpointSubsets. */
export function validateSubsets(subsets: Json[]): FieldError[] {
  const errs: FieldError[] = [];
  subsets.forEach((ss, i) => {
    const p = `subsets[${i}]`;
    const addrs = arr(ss?.addresses);
    const notReady = arr(ss?.notReadyAddresses);
    if (!addrs.length && !notReady.length) errs.push(fieldErr.required(p, 'must specify `addresses` or `notReadyAddresses`'));
    addrs.forEach((a, j) => errs.push(...validateAddress(a, `${p}.addresses[${j}]`)));
    notReady.forEach((a, j) => errs.push(...validateAddress(a, `${p}.notReadyAddresses[${j}]`)));
    const ports = arr(ss?.ports);
    ports.forEach((port, j) => errs.push(...validatePort(port, ports.length > 1, `${p}.ports[${j}]`)));
  });
  return errs;
}

/** core/v1 Endpoints: written by the endpoints controller for services with selectors. */
export const endpoints = defineResource({
  group: '',
  version: 'v1',
  kind: 'Endpoints',
  plural: 'endpoints',
  singular: 'endpoints',
  shortNames: ['ep'],
  namespaced: true,
  defaults(o) {
    for (const ss of arr(o.subsets)) for (const p of arr(ss?.ports)) if (p && typeof p === 'object') p.protocol ||= 'TCP';
  },
  validate: (o) => validateSubsets(arr(o.subsets)),
  columns: [nameColumn, col('Endpoints', 'string', 0, 'The set of all endpoints is the union of all subsets.'), ageColumn],
  row: (o, now) => [o.metadata.name, formatEndpoints(o), age(o, now)],
});
