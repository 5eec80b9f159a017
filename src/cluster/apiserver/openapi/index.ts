export { openapiV3Document, openapiV3DocumentJSON, openapiV3Index, gvPathOf, digest } from './document';
export type { OpenAPIV3Document } from './document';
export type { OpenAPIResource, OpenAPIV3Index } from './types';
