import { load } from 'js-yaml';
import { apiErrors } from '../../api/errors';
import { decodeKubernetesProtobuf, ProtoError } from './protobuf';

/** Largest request body accepted, as the apiserver's 3 MiB limit. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

const PROTOBUF = 'application/vnd.kubernetes.protobuf';

/**
 * Decodes a request body by content type: JSON, YAML (apply patches), and Kubernetes protobuf,
 * which kubectl 1.32's typed clients send for generator commands (`create deployment`, …).
 * Protobuf needs the raw bytes (`bytes`); the string form of a binary body is not usable.
 */
export function decodeBody(body: string | undefined, contentType: string | undefined, kindHint: string, bytes?: Uint8Array): unknown {
  const ct = (contentType ?? 'application/json').split(';')[0].trim().toLowerCase();
  if (ct === PROTOBUF) return decodeProtobuf(bytes, kindHint);
  if (body === undefined || body === '') return undefined;
  if (body.length > MAX_BODY_BYTES) throw apiErrors.tooLarge();
  if (ct.endsWith('yaml')) {
    try {
      return load(body);
    } catch (e) {
      throw apiErrors.badRequest(`error converting YAML to JSON: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  try {
    return JSON.parse(body);
  } catch (e) {
    throw apiErrors.badRequest(
      `the object provided is unrecognized (must be of type ${kindHint}): couldn't get version/kind; json parse error: ${(e as Error).message}`,
    );
  }
}

function decodeProtobuf(bytes: Uint8Array | undefined, kindHint: string): unknown {
  if (!bytes || bytes.length === 0) return undefined;
  if (bytes.length > MAX_BODY_BYTES) throw apiErrors.tooLarge();
  try {
    return decodeKubernetesProtobuf(bytes);
  } catch (e) {
    if (!(e instanceof ProtoError)) throw e;
    if (e.unsupported) throw apiErrors.unsupportedMediaTypeProtobuf(e.message);
    throw apiErrors.badRequest(`the object provided is unrecognized (must be of type ${kindHint}): ${e.message}`);
  }
}
