/**
 * What the editor needs from the app: one REST call and watch streams into the cluster. The
 * editor never touches the worker, the mirror or the board directly, so it can be mounted on any
 * cluster (the in-browser one via the bridge, or a fake in tests).
 */
import type { ApplyRestReply, ApplyRestRequest } from '../../client/apply';

export interface EditorHost {
  /** Any non-streaming Kubernetes REST request; resolves with the reply (4xx/5xx included). */
  rest(req: ApplyRestRequest): Promise<ApplyRestReply>;
  /**
   * A watch (`?watch=true`): chunks of newline-separated watch events until the stream ends.
   * Resolves with a function that stops it.
   */
  watch(req: ApplyRestRequest, onChunk: (chunk: string) => void, onEnd: () => void): Promise<() => void>;
}
