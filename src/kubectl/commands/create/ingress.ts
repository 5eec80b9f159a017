/** `kubectl create ingress` (pkg/cmd/create/create_ingress.go): rules `host/path=service:port[,tls[=secret]]`. */
import type { Command } from '../../cli/command';
import type { Obj } from '../../util/manifest';
import { createGenerated, enforcedNamespace, generatorFlags, nameFromArgs } from './generate';
import { parseIntOrString } from './pdb';

// host (letters, digits, _ * - .), a path starting with '/', =service:port, then an optional ,tls[=secret].
const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

/** A backend `service:port`: a numeric port is a number, anything else a port name. */
function backend(service: string): Obj {
  const parts = service.split(':');
  const port = parseIntOrString(parts[1]);
  return { service: { name: parts[0], port: typeof port === 'number' ? (port ? { number: port } : {}) : port ? { name: port } : {} } };
}

/** One rule's path: `*` at the end means pathType Prefix, otherwise Exact. */
function httpPath(pathsvc: string): Obj {
  const parts = pathsvc.split('=');
  let path = `/${parts[0]}`;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(parts[1]) };
}

/** buildTLSRules: hosts grouped by secret, each host once. */
function tlsRules(rules: string[]): Obj[] {
  const seen = new Set<string>();
  const out: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0];
    const secretParts = parts[1].split('=');
    const secret = secretParts.length > 1 ? secretParts[1] : '';
    if (seen.has(host)) continue;
    const same = out.find((t) => (t.secretName ?? '') === secret);
    seen.add(host);
    if (same) {
      (same.hosts ??= []).push(host);
      continue;
    }
    const tls: { hosts?: string[]; secretName?: string } = {};
    if (host) tls.hosts = [host];
    if (secret) tls.secretName = secret;
    if (tls.hosts || tls.secretName) out.push(tls);
  }
  return out;
}

/** buildIngressRules: one rule per host, its paths in order. */
function ingressRules(rules: string[]): Obj[] {
  const out: { host?: string; http: { paths: Obj[] } }[] = [];
  for (const rule of rules) {
    const noTls = rule.split(',')[0];
    const slash = noTls.indexOf('/');
    const host = noTls.slice(0, slash);
    const path = httpPath(noTls.slice(slash + 1));
    const same = out.find((r) => (r.host ?? '') === host);
    if (same) same.http.paths.push(path);
    else out.push({ ...(host ? { host } : {}), http: { paths: [path] } });
  }
  return out;
}

export const ingress: Command = {
  name: 'ingress',
  aliases: ['ing'],
  short: 'Create an ingress with the specified name',
  use: 'create ingress NAME --rule=host/path=service:port[,tls[=secret]] ',
  flags: [
    ...generatorFlags(),
    { name: 'class', type: 'string', usage: 'Ingress Class to be used' },
    { name: 'rule', type: 'stringArray', usage: "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional." },
    { name: 'default-backend', type: 'string', usage: 'Default service for backend, in format of svcname:port' },
    { name: 'annotation', type: 'stringArray', usage: 'Annotation to insert in the ingress object, in the format annotation=value' },
  ],
  async run(cmd) {
    const name = nameFromArgs(cmd);
    const rules = cmd.list('rule');
    const annotations = cmd.list('annotation');
    const defaultBackend = cmd.str('default-backend');
    const ingressClass = cmd.str('class');
    if (!defaultBackend && !rules.length)
      throw new Error('not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
    for (const r of rules) if (!RULE.test(r)) throw new Error(`rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
    for (const a of annotations) if (!a.includes('=')) throw new Error(`annotation ${a} is invalid and should be in format key=[value]`);
    if (defaultBackend && defaultBackend.split(':').length !== 2) throw new Error('default-backend should be in format servicename:serviceport');
    const ann: Record<string, string> = {};
    for (const a of annotations) {
      const eq = a.indexOf('=');
      ann[a.slice(0, eq)] = a.slice(eq + 1);
    }
    const ns = enforcedNamespace(cmd);
    const tls = tlsRules(rules);
    const spec: Obj = {
      ...(ingressClass ? { ingressClassName: ingressClass } : {}),
      ...(defaultBackend ? { defaultBackend: backend(defaultBackend) } : {}),
      ...(tls.length ? { tls } : {}),
      ...(rules.length ? { rules: ingressRules(rules) } : {}),
    };
    const obj: Obj = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { ...(Object.keys(ann).length ? { annotations: ann } : {}), creationTimestamp: null, name, ...(ns ? { namespace: ns } : {}) } as never,
      spec,
      status: { loadBalancer: {} },
    };
    await createGenerated(cmd, obj, { resource: 'ingresses.networking.k8s.io', failPrefix: 'failed to create ingress: ', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};
