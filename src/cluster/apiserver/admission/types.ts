import type { KObject } from '../../api/types';
import type { RequestContext, ResourceDef } from '../types';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

/** admission.Attributes: what a plugin sees of one request. */
export interface Attributes {
  operation: Operation;
  def: ResourceDef;
  namespace: string;
  name: string;
  subresource: string;
  /** The new object (mutable copy for mutating plugins); undefined on DELETE. */
  object?: KObject;
  old?: KObject;
  dryRun: boolean;
  /**
   * Writes admission asks to commit together with the request, just before the object is stored
   * (ResourceQuota admission charging status.used); never written for dry runs or refused requests.
   */
  charges?: { resource: string; object: KObject }[];
}

/**
 * An admission plugin, as in the apiserver's chain: `admit` may change the object (mutating phase),
 * `validate` may only reject (by throwing an ApiError). Plugins run in registry order.
 */
export interface AdmissionPlugin {
  name: string;
  admit?(a: Attributes, ctx: RequestContext): void;
  validate?(a: Attributes, ctx: RequestContext): void;
}
