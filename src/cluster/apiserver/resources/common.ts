import type { KObject } from '../../api/types';
import type { Column, ResourceDef } from '../types';

/** The standard verbs of a read-write resource. */
export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Typed identity helper: a resource file exports `defineResource({...})`. */
export function defineResource(def: ResourceDef): ResourceDef {
  return def;
}

/** The Name column every printer starts with. */
export const nameColumn: Column = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  priority: 0,
};

/** The Age column (cells are creationTimestamp strings; the printer turns them into ages). */
export const ageColumn: Column = {
  name: 'Age',
  type: 'string',
  description: 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
  priority: 0,
};

export const col = (name: string, type: Column['type'] = 'string', priority: 0 | 1 = 0, description = ''): Column => ({
  name,
  type,
  description,
  priority,
});

/** The default table of kinds without a printer: NAME, CREATED AT. */
export const defaultColumns: Column[] = [
  nameColumn,
  { name: 'Created At', type: 'date', description: ageColumn.description, priority: 0 },
];

export const defaultRow = (o: KObject): unknown[] => [o.metadata.name, o.metadata.creationTimestamp];
