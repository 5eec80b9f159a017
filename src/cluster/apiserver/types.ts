import type { FieldError } from '../api/errors';
import type { NameValidator } from '../api/formats';
import type { KObject } from '../api/types';
import type { Rng } from '../sim/rng';
import type { Indexer } from '../store/collection';

/** What a resource's hooks may read while the API server handles a request. */
export interface RequestContext {
  /** Simulated now, epoch ms. */
  nowMs: number;
  /** Simulated now as RFC 3339 (second precision). */
  now: string;
  rng: Rng;
  /** Read another object (e.g. a namespace, a PriorityClass) — frozen. */
  get(resource: string, namespace: string | undefined, name: string): KObject | undefined;
  /** List another resource (e.g. LimitRanges in a namespace) — frozen. */
  list(resource: string, namespace?: string): KObject[];
  /** Cluster-wide allocators (Service ClusterIPs, NodePorts). */
  allocators: Allocators;
}

export interface Allocators {
  /** Next free ClusterIP from the service CIDR; throws an ApiError when exhausted. */
  clusterIP(): string;
  /** Validates and reserves a user-chosen ClusterIP; returns a field error message when taken or out of range. */
  reserveClusterIP(ip: string): string | undefined;
  releaseClusterIP(ip: string): void;
  nodePort(): number;
  reserveNodePort(port: number): string | undefined;
  releaseNodePort(port: number): void;
}

/** One server-side table column (metav1.TableColumnDefinition). */
export interface Column {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format?: 'name' | string;
  description?: string;
  /** 0 = default columns; 1 = shown only with `-o wide`. */
  priority: 0 | 1;
}

/** The scale subresource mapping (apps/v1 Deployment, ReplicaSet, StatefulSet). */
export interface ScaleSpec {
  /** Reads spec.replicas (defaults applied). */
  specReplicas(o: KObject): number;
  statusReplicas(o: KObject): number;
  /** Label selector string for status.selector (`app=web`). */
  selector(o: KObject): string;
}

/**
 * Everything the API server knows about one kind: identity (for routing and discovery), storage
 * strategy (defaulting, validation, generation, status handling, graceful deletion) and printing.
 * One `ResourceDef` per file in `resources/`, collected in `resources/index.ts`.
 */
export interface ResourceDef {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  shortNames?: string[];
  namespaced: boolean;
  /** Default: create, delete, deletecollection, get, list, patch, update, watch. */
  verbs?: string[];
  /** e.g. ['status', 'scale']; pods add 'binding', 'eviction', 'log'. */
  subresources?: string[];
  categories?: string[];
  /** How object names are validated (default: DNS-1123 subdomain; Services DNS-1035 labels; RBAC path segments). */
  nameValidator?: NameValidator;

  /** Fills defaults in place (a fresh, mutable copy), as SetDefaults_* and defaulting admission. */
  defaults?(obj: KObject, ctx: RequestContext): void;
  /** Validation of an object being written (object meta is validated by the server); `old` is set on updates. */
  validate?(obj: KObject, ctx: RequestContext, old?: KObject): FieldError[];
  /** Validation of an update (immutable fields etc.); `validate` also runs on updates. */
  validateUpdate?(obj: KObject, old: KObject, ctx: RequestContext): FieldError[];
  /** PrepareForCreate: e.g. reset pod status to Pending with its QoS class. */
  prepareForCreate?(obj: KObject, ctx: RequestContext): void;
  /** PrepareForUpdate on the main resource: e.g. keep the old status. Default: status is kept if `hasStatus`. */
  prepareForUpdate?(obj: KObject, old: KObject, ctx: RequestContext): void;
  /** True when the kind has a status subresource: main-resource writes keep the old status. */
  hasStatus?: boolean;
  /** Sets metadata.generation = 1 on create and bumps it on spec changes. */
  tracksGeneration?: boolean;
  /** Deployment also bumps generation when annotations change. */
  generationOnAnnotations?: boolean;
  /** Graceful deletion: returns the grace period in seconds, or 0/undefined to delete at once. */
  gracePeriod?(obj: KObject, requested: number | undefined): number | undefined;
  /** After an accepted write (e.g. free a ClusterIP on delete). */
  afterDelete?(obj: KObject, ctx: RequestContext): void;

  /** Server-side printing: column definitions and a row builder (metadata name is the first cell). */
  columns?: Column[];
  row?(obj: KObject, nowMs: number): unknown[];
  /** Table row conditions (pods: Completed). */
  rowConditions?(obj: KObject): unknown[] | undefined;

  /** Extra store indexes (name → values an object files under). */
  indexers?: Record<string, Indexer>;
  /**
   * Subtrees that repeat across objects of this resource, stored once (`a.b[]` = each element of
   * array `b`): equal tolerations, conditions or Event sources become one frozen object.
   */
  sharedPaths?: readonly string[];
  /** Field selectors beyond metadata.name / metadata.namespace: field → getter. */
  fieldSelectors?: Record<string, (o: KObject) => string | undefined>;
  /** Field selectors answered from an index (field → index name). */
  indexedFields?: Record<string, string>;

  scale?: ScaleSpec;
}

/** `pods` or `apps/deployments`: the store key of a resource. */
export function resourceKey(def: Pick<ResourceDef, 'group' | 'plural'>): string {
  return def.group ? `${def.group}/${def.plural}` : def.plural;
}

export function apiVersionOf(def: Pick<ResourceDef, 'group' | 'version'>): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}
