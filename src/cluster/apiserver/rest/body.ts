import { load } from 'js-yaml';
import { apiErrors } from '../../api/errors';

/** Largest request body accepted, as the apiserver's 3 MiB limit. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Decodes a request body by content type (JSON, YAML for apply patches); protobuf is not supported. */
export function decodeBody(body: string | undefined, contentType: string | undefined, kindHint: string): unknown {
  if (body === undefined || body === '') return undefined;
  if (body.length > MAX_BODY_BYTES) throw apiErrors.tooLarge();
  const ct = (contentType ?? 'application/json').split(';')[0].trim().toLowerCase();
  if (ct === 'application/vnd.kubernetes.protobuf')
    throw apiErrors.unsupportedMediaTypeProtobuf();
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
