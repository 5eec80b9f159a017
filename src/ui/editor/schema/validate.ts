/**
 * Checks a manifest against the generated schema — the same rules monaco-yaml shows as warnings —
 * without the language worker, synchronously. Live mode applies only when this finds nothing, so
 * half-typed text never reaches the cluster. Supports the subset `generate.ts` emits.
 */
import type { FieldPath } from '../../../client/apply';
import type { JsonSchema } from './generate';

export interface SchemaProblem {
  path: FieldPath;
  message: string;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOk(t: string, v: unknown): boolean {
  switch (t) {
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'object':
      return isMap(v);
    case 'array':
      return Array.isArray(v);
    case 'null':
      return v === null;
    default:
      return true;
  }
}

const list = (vals: unknown[]) => vals.map((v) => JSON.stringify(v)).join(', ');

export function validateManifest(root: JsonSchema, value: unknown): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const resolve = (s: JsonSchema): JsonSchema => {
    let cur = s;
    for (let i = 0; cur.$ref && i < 20; i++) cur = { ...root.definitions?.[cur.$ref.replace('#/definitions/', '')], ...withoutRef(cur) };
    return cur;
  };
  const walk = (schema: JsonSchema, v: unknown, path: FieldPath, sink: SchemaProblem[]): void => {
    const s = resolve(schema);
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? s.type : [s.type];
      if (!types.some((t) => typeOk(t, v))) {
        sink.push({ path, message: `Incorrect type. Expected "${types.join(' | ')}".` });
        return;
      }
    }
    if (s.enum && !s.enum.some((e) => e === v)) sink.push({ path, message: `Value is not accepted. Valid values: ${list(s.enum)}.` });
    if (s.const !== undefined && s.const !== v) sink.push({ path, message: `Value must be ${JSON.stringify(s.const)}.` });
    for (const sub of s.allOf ?? []) walk(sub, v, path, sink);
    if (s.oneOf) {
      const tries = s.oneOf.map((sub) => {
        const p: SchemaProblem[] = [];
        walk(sub, v, path, p);
        return p;
      });
      if (!tries.some((p) => p.length === 0)) sink.push(...(tries[0] ?? []));
    }
    if (s.if) {
      const probe: SchemaProblem[] = [];
      walk(s.if, v, path, probe);
      if (probe.length === 0 && s.then) walk(s.then, v, path, sink);
    }
    if (isMap(v)) {
      for (const r of s.required ?? []) if (!(r in v)) sink.push({ path, message: `Missing property "${r}".` });
      for (const [k, x] of Object.entries(v)) {
        const prop = s.properties?.[k];
        if (prop) walk(prop, x, [...path, k], sink);
        else if (s.additionalProperties === false && s.properties) sink.push({ path: [...path, k], message: `Property ${k} is not allowed.` });
        else if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, x, [...path, k], sink);
      }
    }
    if (Array.isArray(v) && s.items) v.forEach((x, i) => walk(s.items!, x, [...path, i], sink));
  };
  walk(root, value, [], out);
  return out;
}

function withoutRef(s: JsonSchema): JsonSchema {
  const { $ref: _ref, ...rest } = s;
  void _ref;
  return rest;
}
