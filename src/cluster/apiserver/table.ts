import type { KObject } from '../api/types';
import { defaultColumns, defaultRow } from './resources/common';
import type { ResourceDef } from './types';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  includeObject?: IncludeObject;
  /** Watch events after the first carry no column definitions, as upstream. */
  noHeaders?: boolean;
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

/** metav1.Table for `kubectl get`: the server decides the columns, kubectl only lays them out. */
export function toTable(def: ResourceDef, objects: readonly KObject[], nowMs: number, opts: TableOptions = {}) {
  const columns = def.columns ?? defaultColumns;
  const row = def.row ?? defaultRow;
  const include = opts.includeObject ?? 'Metadata';
  const metadata: Record<string, unknown> = {};
  if (opts.resourceVersion !== undefined) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continue) metadata.continue = opts.continue;
  if (opts.remainingItemCount !== undefined) metadata.remainingItemCount = opts.remainingItemCount;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: opts.noHeaders ? null : columns,
    rows: objects.map((o) => {
      const r: Record<string, unknown> = { cells: row(o, nowMs) };
      const conditions = def.rowConditions?.(o);
      if (conditions) r.conditions = conditions;
      if (include === 'Object') r.object = o;
      else if (include === 'Metadata')
        r.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
      return r;
    }),
  };
}

/** Parses an Accept header: does the client want a Table, and with which object detail? */
export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}
