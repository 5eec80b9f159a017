/**
 * The small surface the apply machinery needs: one REST call (the in-browser cluster via the
 * worker, the headless server over HTTP, or `createCluster().rest` in tests) and the shapes it
 * exchanges. No DOM, no Node APIs: this folder runs anywhere.
 */

/** Same fields as the cluster's RestRequest (`src/cluster/apiserver/rest/types.ts`). */
export interface ApplyRestRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  accept?: string;
  contentType?: string;
  body?: string;
}

export interface ApplyRestReply {
  status: number;
  headers?: { 'Content-Type'?: string; Warning?: string[] };
  body?: string;
}

/** Sends one request; never rejects for HTTP errors (a 4xx is a reply with a Status body). */
export type RestFn = (req: ApplyRestRequest) => Promise<ApplyRestReply>;

export type JsonMap = Record<string, unknown>;

/** metav1.StatusCause */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** metav1.Status as the API server returns it for a failed request. */
export interface Status {
  kind: 'Status';
  apiVersion?: string;
  status?: string;
  message: string;
  reason: string;
  code: number;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[] };
}
