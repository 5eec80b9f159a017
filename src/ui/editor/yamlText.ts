/**
 * Objects as YAML the way kubectl prints them (`get -o yaml`, `edit`): keys sorted, list items not
 * indented under their key, YAML 1.1 quoting (so `"yes"` and `"0755"` stay strings), no folding.
 */
import { stringify } from 'yaml';
import type { JsonMap } from '../../client/apply';

export function toYaml(obj: unknown): string {
  return stringify(obj, { version: '1.1', indentSeq: false, sortMapEntries: true, lineWidth: 0, minContentWidth: 0 });
}

/** Several objects as one multi-document text. */
export function toYamlDocs(objs: readonly (JsonMap | undefined)[]): string {
  return objs.map((o) => (o ? toYaml(o) : '')).join('---\n');
}
