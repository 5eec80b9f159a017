/** REST paths for a mapping: `/api/v1/namespaces/<ns>/pods/<name>/<sub>`, `/apis/apps/v1/deployments`. */
import type { Mapping } from '../discovery/types';

export function resourcePath(m: Pick<Mapping, 'group' | 'version' | 'resource' | 'namespaced'>, namespace: string, name?: string, sub?: string): string {
  const root = m.group ? `/apis/${m.group}/${m.version}` : `/api/${m.version}`;
  const ns = m.namespaced && namespace ? `/namespaces/${namespace}` : '';
  return `${root}${ns}/${m.resource}${name !== undefined ? `/${name}` : ''}${sub ? `/${sub}` : ''}`;
}

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
