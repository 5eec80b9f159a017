/**
 * Request/response correlation over any postMessage-like channel. The client numbers requests,
 * the server answers each id exactly once (value or serialised error), and notices flow beside
 * them. Neither side knows about Worker objects, so the protocol runs in one thread in tests
 * (`linkedPair`).
 */
import { RemoteError, toWireError, type WireError } from './errors';
import type { Notice, Request, RequestEnvelope, RequestOf, RequestType, Response, Results, WorkerMessage } from './messages';
import { PROTOCOL_VERSION } from './version';

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

/** The UI side: sends requests, settles their promises, hands notices on. */
export class RpcClient {
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(
    private readonly send: (m: RequestEnvelope) => void,
    private readonly onNotice: (n: Notice) => void,
  ) {}

  /** Sends a request; resolves with its result or rejects with a RemoteError. */
  request<T extends RequestType>(req: RequestOf<T>): Promise<Results[T]> {
    const id = this.nextId++;
    return new Promise<Results[T]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        this.send({ ...req, v: PROTOCOL_VERSION, id } as RequestEnvelope);
      } catch (e) {
        this.pending.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  /** Feeds one message from the worker in. Messages of another protocol version are refused loudly. */
  receive(raw: unknown): void {
    const m = raw as WorkerMessage;
    if (!m || typeof m !== 'object' || m.v !== PROTOCOL_VERSION) {
      throw new Error(`protocol mismatch: expected v${PROTOCOL_VERSION}, got ${JSON.stringify((m as { v?: unknown })?.v)}`);
    }
    if (m.type === 'response') {
      const p = this.pending.get(m.id);
      if (!p) return; // answered after failAll(): nobody is waiting any more
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new RemoteError(m.error));
      return;
    }
    this.onNotice(m);
  }

  /** Rejects every request still waiting (the worker died: no answer will come). */
  failAll(error: WireError): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(new RemoteError(error));
  }

  get inFlight(): number {
    return this.pending.size;
  }
}

/** The worker side: runs a handler per request and answers it; posts notices. */
export class RpcServer {
  constructor(
    private readonly post: (m: WorkerMessage) => void,
    private readonly handle: (req: Request) => unknown,
  ) {}

  /** Feeds one message from the UI in. Errors thrown by the handler become error responses. */
  receive(raw: unknown): void {
    const m = raw as Partial<RequestEnvelope>;
    const id = typeof m?.id === 'number' ? m.id : -1;
    if (m?.v !== PROTOCOL_VERSION) {
      this.answer({ type: 'response', id, ok: false, error: { name: 'ProtocolError', message: `expected protocol v${PROTOCOL_VERSION}, got ${JSON.stringify(m?.v)}` } });
      return;
    }
    let result: unknown;
    try {
      const { v: _v, id: _id, ...req } = m as RequestEnvelope;
      result = this.handle(req as Request);
    } catch (e) {
      this.answer({ type: 'response', id, ok: false, error: toWireError(e) });
      return;
    }
    if (result instanceof Promise) {
      result.then(
        (r) => this.answer({ type: 'response', id, ok: true, result: r ?? null }),
        (e) => this.answer({ type: 'response', id, ok: false, error: toWireError(e) }),
      );
    } else this.answer({ type: 'response', id, ok: true, result: result ?? null });
  }

  notify(n: Notice): void {
    this.post({ ...n, v: PROTOCOL_VERSION } as WorkerMessage);
  }

  private answer(r: Response): void {
    this.post({ ...r, v: PROTOCOL_VERSION });
  }
}

/**
 * A client and server wired back to back in one thread, with structuredClone and a microtask hop
 * per message (as postMessage does), for protocol tests without a Worker.
 */
export function linkedPair(handle: (req: Request) => unknown, onNotice: (n: Notice) => void = () => {}) {
  let client!: RpcClient;
  const server = new RpcServer((m) => queueMicrotask(() => client.receive(structuredClone(m))), handle);
  client = new RpcClient((m) => queueMicrotask(() => server.receive(structuredClone(m))), onNotice);
  return { client, server };
}
