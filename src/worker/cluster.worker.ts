/// <reference lib="webworker" />
/**
 * Entry of the module worker that runs the cluster. Everything happens in the host; this file only
 * wires the worker's message port to it.
 */
import type { WorkerMessage } from '../protocol/messages';
import { createHost } from './host';

declare const self: DedicatedWorkerGlobalScope;

const host = createHost((m: WorkerMessage) => self.postMessage(m));
self.addEventListener('message', (e: MessageEvent) => host.receive(e.data));
