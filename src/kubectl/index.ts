/** kubeplay's kubectl: a pure-TypeScript kubectl 1.32 that talks REST through a Transport. */
export { KubectlSession, type SessionOptions, type RunOptions } from './session';
export { defaultKubeconfig, type Kubeconfig } from './config/kubeconfig';
export { inProcessTransport, type SyncRestResponse } from './transport/inprocess';
export type { EditHook, FileSource, HttpReply, HttpRequest, HttpStream, Output, StreamHandlers, Transport } from './types';
