/**
 * A small client-go: sends requests through the transport, turns non-2xx answers into
 * StatusErrors the way client-go's transformResponse does, and reports `Warning` headers once each
 * (client-go's deduplicating warning writer prints `Warning: <text>` to stderr).
 */
import { InterruptedError, StatusError, type ApiStatus } from '../errors';
import type { HttpReply, HttpRequest, HttpStream, StreamHandlers, Transport } from '../types';

export interface CallOptions {
  method?: string;
  path: string;
  query?: Record<string, string>;
  accept?: string;
  contentType?: string;
  body?: string;
}

const JSON_ACCEPT = 'application/json';

/** Messages client-go gives non-Status error answers (NewGenericServerResponse). */
function genericMessage(code: number, method: string): { reason: string; message: string } {
  switch (code) {
    case 409:
      return { reason: 'Conflict', message: 'the server reported a conflict' };
    case 404:
      return { reason: 'NotFound', message: 'the server could not find the requested resource' };
    case 400:
      return { reason: 'BadRequest', message: 'the server rejected our request for an unknown reason' };
    case 401:
      return { reason: 'Unauthorized', message: 'the server has asked for the client to provide credentials' };
    case 403:
      return { reason: 'Forbidden', message: '' };
    case 405:
      return { reason: 'MethodNotAllowed', message: 'the server does not allow this method on the requested resource' };
    case 406:
      return { reason: 'NotAcceptable', message: 'the server was unable to respond with a content type that the client supports' };
    case 415:
      return { reason: 'UnsupportedMediaType', message: 'the server was unable to respond with a content type that the client supports' };
    case 422:
      return { reason: 'Invalid', message: 'the server rejected our request due to an error in our request' };
    case 429:
      return { reason: 'TooManyRequests', message: 'the server has received too many requests and has asked us to try again later' };
    case 500:
      return { reason: 'InternalError', message: 'an error on the server ("unknown") has prevented the request from succeeding' };
    case 503:
      return { reason: 'ServiceUnavailable', message: 'the server is currently unable to handle the request' };
    case 504:
      return { reason: 'Timeout', message: `the server was unable to return a response in the time allotted, but may still be processing the request` };
    default:
      return { reason: 'Unknown', message: `an error on the server ("unknown") has prevented the request from succeeding (${method.toLowerCase()})` };
  }
}

/** Decodes a failed answer into a StatusError. */
export function errorFromReply(reply: { status: number; body?: string }, method: string): StatusError {
  try {
    const s = JSON.parse(reply.body ?? '') as ApiStatus;
    if (s && s.kind === 'Status') return new StatusError({ ...s, code: s.code || reply.status });
  } catch {
    /* not JSON: a generic error below */
  }
  const g = genericMessage(reply.status, method);
  return new StatusError({ status: 'Failure', code: reply.status, reason: g.reason, message: g.message });
}

/** Parses `299 - "text"` warning header values (RFC 7234) into their text. */
export function warningText(h: string): string {
  const m = /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/.exec(h);
  return m ? m[1].replace(/\\(.)/g, '$1') : h;
}

export class RestClient {
  private warned = new Set<string>();

  constructor(
    private readonly transport: Transport,
    private readonly onWarning: (text: string) => void,
    private readonly signal?: AbortSignal,
  ) {}

  private check(): void {
    if (this.signal?.aborted) throw new InterruptedError();
  }

  private warnings(list: string[] | undefined): void {
    for (const w of list ?? []) {
      const t = warningText(w);
      if (this.warned.has(t)) continue;
      this.warned.add(t);
      this.onWarning(t);
    }
  }

  private build(o: CallOptions): HttpRequest {
    return {
      method: o.method ?? 'GET',
      path: o.path,
      query: o.query ?? {},
      accept: o.accept ?? JSON_ACCEPT,
      ...(o.contentType ? { contentType: o.contentType } : {}),
      ...(o.body !== undefined ? { body: o.body } : {}),
    };
  }

  /** The raw answer, whatever its status. */
  async raw(o: CallOptions): Promise<HttpReply> {
    this.check();
    const reply = await this.transport.request(this.build(o));
    this.check();
    this.warnings(reply.headers?.Warning);
    return reply;
  }

  /** The decoded JSON body of a 2xx answer; throws StatusError otherwise. */
  async call<T = Record<string, unknown>>(o: CallOptions): Promise<T> {
    const reply = await this.raw(o);
    if (reply.status < 200 || reply.status > 299) throw errorFromReply(reply, o.method ?? 'GET');
    if (!reply.body) return {} as T;
    try {
      return JSON.parse(reply.body) as T;
    } catch {
      return reply.body as unknown as T;
    }
  }

  /** The text body of a 2xx answer (logs). */
  async text(o: CallOptions): Promise<string> {
    const reply = await this.raw(o);
    if (reply.status < 200 || reply.status > 299) throw errorFromReply(reply, o.method ?? 'GET');
    return reply.body;
  }

  /** GET with a custom Accept; `tolerate404` returns undefined for 404 (discovery's /api). */
  async getJSON<T>(path: string, query: Record<string, string>, accept: string, extra: Record<string, string> = {}, tolerate404 = false): Promise<T | undefined> {
    const reply = await this.raw({ path, query: { ...query, ...extra }, accept });
    if (tolerate404 && reply.status === 404) return undefined;
    if (reply.status < 200 || reply.status > 299) throw errorFromReply(reply, 'GET');
    return JSON.parse(reply.body) as T;
  }

  /** Opens a stream; a non-2xx head becomes a StatusError. */
  async stream(o: CallOptions, h: StreamHandlers): Promise<HttpStream> {
    this.check();
    const s = await this.transport.stream(this.build(o), h);
    this.warnings(s.headers?.Warning);
    if (s.status < 200 || s.status > 299) {
      s.cancel();
      throw errorFromReply({ status: s.status, body: s.body }, o.method ?? 'GET');
    }
    return s;
  }
}
