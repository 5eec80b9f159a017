/**
 * The worker's message handler: decodes requests, routes them to the session, answers through
 * the RPC server. Holds at most one session; `session.start` replaces it.
 */
import { assertNever } from '../protocol/assert';
import type { Notice, Request } from '../protocol/messages';
import type { WorkerMessage } from '../protocol/messages';
import { RpcServer } from '../protocol/rpc';
import { Session } from './session';

/** The worker's RPC server, plus a way to stop the session's clock (tests that host it in-process). */
export type Host = RpcServer & { halt(): void };

export function createHost(post: (m: WorkerMessage) => void): Host {
  let session: Session | undefined;
  const notify = (n: Notice) => server.notify(n);
  const need = (): Session => {
    if (!session) throw Object.assign(new Error('no session: send session.start first'), { name: 'ProtocolError' });
    return session;
  };

  const handle = (r: Request): unknown => {
    switch (r.type) {
      case 'session.start': {
        session?.driver.halt();
        session = new Session(r.seed, notify);
        return session.start(r);
      }
      case 'sim.play':
        need().driver.play();
        return need().clock();
      case 'sim.pause':
        need().driver.pause();
        return need().clock();
      case 'sim.speed':
        need().driver.setSpeed(r.speed);
        return need().clock();
      case 'sim.step':
        return need().step();
      case 'workload.scale':
      case 'node.cordon':
      case 'node.uncordon':
      case 'node.drain':
      case 'node.fault':
      case 'node.delete':
      case 'node.add':
      case 'pod.delete':
      case 'pod.fault':
      case 'rest.request':
        return need().apply(r);
      case 'object.describe':
        return need().describe(r.ref);
      case 'rest.cancel':
        need().cancel(r.stream);
        return null;
      case 'debug.crash':
        // Throw outside any handler, as a bug in a timer callback would: the worker's error event fires.
        setTimeout(() => {
          throw new Error('kubeplay: simulated worker crash (debug.crash)');
        }, 0);
        return null;
      default:
        return assertNever(r, 'request');
    }
  };

  const server = new RpcServer(post, handle);
  return Object.assign(server, { halt: () => session?.driver.halt() });
}
