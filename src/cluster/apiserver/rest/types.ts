/** A transport-neutral HTTP request (Node's http server and the in-browser kubectl both build these). */
export interface RestRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  accept?: string;
  contentType?: string;
  body?: string;
  /** The raw body for binary content types (protobuf); `body` alone is enough for text ones. */
  bodyBytes?: Uint8Array;
}

export interface RestHeaders {
  'Content-Type': string;
  Warning?: string[];
}

/** A complete response. */
export interface RestReply {
  kind: 'reply';
  status: number;
  headers: RestHeaders;
  body: string;
}

/**
 * A streaming response (watch, `logs -f`): `start` begins writing chunks and returns a stop
 * function; `timeoutSeconds` tells the transport when to end the stream.
 */
export interface RestStream {
  kind: 'stream';
  status: number;
  headers: RestHeaders;
  timeoutSeconds?: number;
  start(write: (chunk: string) => void, end: () => void): () => void;
}

export type RestResponse = RestReply | RestStream;
