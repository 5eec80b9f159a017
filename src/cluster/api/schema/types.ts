/** The subset of OpenAPI v3 schema objects that Kubernetes' published definitions use. */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface Schema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  enum?: string[];
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-patch-strategy'?: string;
}

/** Shape of definitions.json (written by scripts/gen-schemas.ts). */
export interface DefinitionsFile {
  /** OpenAPI v3 `components.schemas`, keyed by upstream definition name. */
  schemas: Record<string, Schema>;
  /**
   * Go types (reflect `Type.String()`) of the fields whose Go type is not implied by the schema — named
   * string/map/slice types such as `v1.Protocol`, `v1.ResourceList`, `map[string][]uint8`. Used only to word
   * decode errors the way encoding/json does.
   */
  goTypes: Record<string, Record<string, string>>;
}
