/**
 * The seams of the in-browser kubectl: how it reaches an API server (a REST-shaped transport, the
 * same requests the headless server answers over HTTP), where its output goes, and what the caller
 * supplies that a real kubectl would take from the OS (clock, files, stdin, an editor).
 */

/** A Kubernetes REST request: the shape of the cluster's RestRequest, kept local so kubectl needs no cluster code. */
export interface HttpRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  accept?: string;
  contentType?: string;
  body?: string;
}

export interface HttpHeaders {
  'Content-Type': string;
  Warning?: string[];
}

export interface HttpReply {
  status: number;
  headers: HttpHeaders;
  body: string;
}

/** An open stream (watch, `logs -f`): the head arrived; chunks follow until `end` or `cancel()`. */
export interface HttpStream {
  status: number;
  headers: HttpHeaders;
  /** Set when the server answered with a complete body instead of a stream (errors). */
  body?: string;
  cancel(): void;
}

export interface StreamHandlers {
  chunk(text: string): void;
  end(): void;
}

/** How kubectl talks to the API: plain requests, and requests whose answer is a stream. */
export interface Transport {
  request(req: HttpRequest): Promise<HttpReply>;
  stream(req: HttpRequest, h: StreamHandlers): Promise<HttpStream>;
}

/** Where a command writes. Writes are line-buffered by the caller if it wants lines. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Files `-f` may name: the terminal maps paths to editor buffers and example manifests. */
export interface FileSource {
  /** The file's text, or undefined when there is no such file. */
  read(path: string): string | undefined | Promise<string | undefined>;
  /** Names in a folder (for `-f dir/`), when the source has folders. */
  list?(dir: string): string[] | undefined;
}

/** What `kubectl edit` hands to the YAML editor; resolves with the edited text, or undefined when cancelled. */
export type EditHook = (doc: { title: string; text: string }) => Promise<string | undefined>;
