/**
 * Field paths as the API server writes them (apimachinery field.Path: `spec.containers[0].image`,
 * `metadata.labels[app.kubernetes.io/name]`) and the paths buried in its decode errors
 * (`unknown field "spec.replicasx"`, `Go struct field DeploymentSpec.spec.replicas of type int32`).
 */
import type { FieldPath } from './yamlDocs';

/** `spec.containers[0].image` → `['spec', 'containers', 0, 'image']`. Bracketed digits are indices. */
export function parseFieldPath(path: string): FieldPath {
  const out: FieldPath = [];
  let i = 0;
  let cur = '';
  const flush = () => {
    if (cur) out.push(cur);
    cur = '';
  };
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      flush();
      i++;
    } else if (c === '[') {
      flush();
      const end = path.indexOf(']', i);
      const inner = end < 0 ? path.slice(i + 1) : path.slice(i + 1, end);
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = end < 0 ? path.length : end + 1;
    } else {
      cur += c;
      i++;
    }
  }
  flush();
  return out;
}

/** A field an error message names, and what it says about it. */
export interface MessageField {
  path: FieldPath;
  message: string;
}

/** Unknown fields and type errors named inside a decode error message (no `causes` carry them). */
export function fieldsInMessage(message: string): MessageField[] {
  const out: MessageField[] = [];
  for (const m of message.matchAll(/unknown field "([^"]+)"/g)) out.push({ path: parseFieldPath(m[1]), message: `unknown field "${m[1]}"` });
  for (const m of message.matchAll(/json: cannot unmarshal (\S+) into Go struct field \w+\.(\S+) of type (\S+)/g)) {
    out.push({ path: parseFieldPath(m[2]), message: `cannot be a ${m[1]}: ${m[2]} is ${m[3]}` });
  }
  return out;
}
