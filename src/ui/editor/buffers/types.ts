/** A tab of YAML: its text, where it came from, and (for live objects) what it was opened from. */
import type { JsonMap } from '../../../client/apply';

/** Which object a live buffer shows (enough to GET and watch it). */
export interface LiveRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  /** Plural resource and group/version, from discovery. */
  resource: string;
  group: string;
  version: string;
}

export type Origin =
  | { type: 'scratch' | 'template' | 'example' | 'file' }
  | {
      type: 'live';
      ref: LiveRef;
      /** The object as the buffer last took it from the cluster (what an edit is compared to). */
      base: JsonMap;
      /** The buffer text for `base`; the buffer is modified when its text differs. */
      baseText: string;
      /** A newer version that arrived while the buffer had edits (offered for comparison). */
      remote?: JsonMap;
      /** The object was deleted in the cluster. */
      deleted?: boolean;
    };

export interface Buffer {
  id: string;
  title: string;
  text: string;
  origin: Origin;
  /** Apply by itself after a pause in typing, when valid. */
  liveMode: boolean;
}

export type LiveOrigin = Extract<Origin, { type: 'live' }>;

export const isLive = (b: Buffer | undefined): b is Buffer & { origin: LiveOrigin } => b?.origin.type === 'live';

/** A live buffer with local edits. */
export const isModified = (b: Buffer): boolean => b.origin.type === 'live' && b.text !== b.origin.baseText;
