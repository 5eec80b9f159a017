/**
 * Go struct field order of the API types kubectl prints as typed objects (generators, `run`,
 * `expose`, `events`, `autoscale`): encoding/json writes struct fields in declaration order, not
 * sorted as for unstructured maps. `structs.json` is generated from k8s.io/api and
 * k8s.io/apimachinery v0.32.4 by `gen.go.txt` (go run gen.go ROOTS DIRS… > structs.json).
 */
import type { StructTable } from '../json';
import structs from './structs.json';

export const STRUCTS: StructTable = {
  ...(structs as unknown as StructTable),
  // Written by hand in the generator's format (k8s.io/api v0.32.4 field order) for create priorityclass and create token.
  'scheduling.v1.PriorityClass': [['', 'meta.v1.TypeMeta'], ['metadata', 'meta.v1.ObjectMeta'], ['value'], ['globalDefault'], ['description'], ['preemptionPolicy']],
  'authentication.v1.TokenRequest': [['', 'meta.v1.TypeMeta'], ['metadata', 'meta.v1.ObjectMeta'], ['spec', 'authentication.v1.TokenRequestSpec'], ['status', 'authentication.v1.TokenRequestStatus']],
  'authentication.v1.TokenRequestSpec': [['audiences'], ['expirationSeconds'], ['boundObjectRef', 'authentication.v1.BoundObjectReference']],
  'authentication.v1.TokenRequestStatus': [['token'], ['expirationTimestamp']],
  'authentication.v1.BoundObjectReference': [['kind'], ['apiVersion'], ['name'], ['uid']],
};
// Typed lists (DeploymentList…) are TypeMeta, ListMeta and items of the element type.
for (const [name, fields] of Object.entries(STRUCTS)) {
  if (fields[0]?.[1] === 'meta.v1.TypeMeta' && fields[1]?.[1] === 'meta.v1.ObjectMeta' && !STRUCTS[`${name}List`])
    STRUCTS[`${name}List`] = [['', 'meta.v1.TypeMeta'], ['metadata', 'meta.v1.ListMeta'], ['items', name]];
}

const GROUP_PKG: Record<string, string> = { '': 'core', 'networking.k8s.io': 'networking', 'rbac.authorization.k8s.io': 'rbac' };

/** `apps/v1` + `Deployment` → `apps.v1.Deployment` (undefined when not in the table). */
export function structTypeOf(apiVersion: string, kind: string): string | undefined {
  const i = apiVersion.indexOf('/');
  const group = i >= 0 ? apiVersion.slice(0, i) : '';
  const version = i >= 0 ? apiVersion.slice(i + 1) : apiVersion;
  const pkg = GROUP_PKG[group] ?? group.split('.')[0];
  const name = `${pkg}.${version}.${kind}`;
  return STRUCTS[name] ? name : undefined;
}
