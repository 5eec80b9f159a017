/** A parsed Kubernetes API path. */
export type Route =
  | { type: 'version' }
  | { type: 'health' }
  | { type: 'coreVersions' }
  | { type: 'groups' }
  | { type: 'group'; group: string }
  | { type: 'groupVersion'; group: string; version: string }
  | { type: 'openapi'; path: string }
  | {
      type: 'resource';
      group: string;
      version: string;
      plural: string;
      namespace: string;
      name: string;
      subresource: string;
    }
  | { type: 'notFound' };

/**
 * Splits `/api/v1/namespaces/ns/pods/name/status` or `/apis/apps/v1/...` into its parts.
 * `namespaces/<ns>` followed by nothing or a subresource is the Namespace object itself.
 */
export function route(path: string): Route {
  const clean = path.split('?')[0].replace(/\/+$/, '') || '/';
  if (clean === '/version') return { type: 'version' };
  if (/^\/(healthz|livez|readyz)(\/.*)?$/.test(clean)) return { type: 'health' };
  if (clean.startsWith('/openapi/')) return { type: 'openapi', path: clean.slice('/openapi/'.length) };
  const parts = clean.split('/').slice(1).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length === 1) return { type: 'coreVersions' };
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { type: 'groups' };
    if (parts.length === 2) return { type: 'group', group: parts[1] };
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else return { type: 'notFound' };
  if (!rest.length) return { type: 'groupVersion', group, version };
  let namespace = '';
  const namespaceSub = rest[0] === 'namespaces' && rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize');
  if (rest[0] === 'namespaces' && rest.length >= 3 && !namespaceSub) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  if (rest.length > 3) return { type: 'notFound' };
  const [plural, name = '', subresource = ''] = rest;
  return { type: 'resource', group, version, plural, namespace, name, subresource };
}
