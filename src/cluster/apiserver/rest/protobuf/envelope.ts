import { decodeMessage } from './decode';
import { messageName, MESSAGES } from './messages';
import { ProtoError, Reader } from './wire';

/** Every Kubernetes protobuf body starts with these four bytes ('k8s' and a zero byte). */
const MAGIC = [0x6b, 0x38, 0x73, 0x00];

/**
 * Decodes an `application/vnd.kubernetes.protobuf` body into the object's JSON form: the magic
 * prefix, then a runtime.Unknown {1: typeMeta {1: apiVersion, 2: kind}, 2: raw, 3:
 * contentEncoding, 4: contentType} whose raw bytes are the object's own message.
 */
export function decodeKubernetesProtobuf(body: Uint8Array): Record<string, unknown> {
  if (body.length < 4 || MAGIC.some((b, i) => body[i] !== b)) throw new ProtoError('missing the k8s protobuf magic prefix');
  const r = new Reader(body, 4);
  let apiVersion = '';
  let kind = '';
  let raw: [number, number] | undefined;
  let encoding = '';
  while (!r.done()) {
    const tag = r.varint();
    const field = tag >>> 3;
    if (field === 1) {
      const [s, e] = r.span();
      const tm = new Reader(body, s, e);
      while (!tm.done()) {
        const t = tm.varint();
        if (t >>> 3 === 1) apiVersion = tm.string();
        else if (t >>> 3 === 2) kind = tm.string();
        else tm.skip(t & 7);
      }
    } else if (field === 2) raw = r.span();
    else if (field === 3) encoding = r.string();
    else r.skip(tag & 7);
  }
  if (encoding) throw new ProtoError(`unsupported content encoding ${encoding}`, true);
  const type = messageName(apiVersion, kind);
  if (!MESSAGES[type]) throw new ProtoError(`kubeplay has no protobuf layout for ${kind} (${apiVersion})`, true);
  const obj = decodeMessage(type, body, raw?.[0] ?? 0, raw?.[1] ?? 0);
  // TypeMeta travels in the envelope, not in the object's message; put it back where JSON has it.
  return { kind, apiVersion, ...obj };
}
