/**
 * client-go's JSONPath evaluator (util/jsonpath/jsonpath.go) over unstructured JSON, with its
 * printing rules: scalars with fmt's %v, maps and lists as compact JSON, results of one action
 * separated by spaces, `range`/`end` loops, missing keys ignored when allowed.
 */
import { goJson, goJsonIndent } from '../json';
import { formatGoFloat } from '../../util/gofloat';
import { goSprint, goTypeName } from '../../util/gofmt';
import { parseJsonPath, type JpList, type JpNode, type Params } from './parser';

/** A float literal from the template (`1.0` stays a float in Go; JSON integers are int64). */
class GoFloat {
  constructor(readonly v: number) {}
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

function kindOf(v: unknown): Kind {
  if (v instanceof GoFloat) return 'float';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  return 'invalid';
}

const numOf = (v: unknown) => (v instanceof GoFloat ? v.v : (v as number));

function equal(a: unknown, b: unknown): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === 'invalid' || kb === 'invalid') throw new Error('invalid type for comparison');
  if (ka !== kb) throw new Error('incompatible types for comparison');
  if (ka === 'int' || ka === 'float') return numOf(a) === numOf(b);
  return a === b;
}

function less(a: unknown, b: unknown): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === 'invalid' || kb === 'invalid') throw new Error('invalid type for comparison');
  if (ka !== kb) throw new Error('incompatible types for comparison');
  if (ka === 'bool') throw new Error('invalid type for comparison');
  if (ka === 'string') return (a as string) < (b as string);
  return numOf(a) < numOf(b);
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof GoFloat);

export class JsonPath {
  private root: JpList;
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: JpNode | undefined;
  allowMissingKeys = false;
  outputJson = false;

  constructor(template: string) {
    this.root = parseJsonPath(template);
  }

  /** Execute: the printed text, or throws with the evaluator's message. */
  execute(data: unknown): string {
    const saved = this.root.nodes;
    try {
      return this.findResults(data)
        .map((r) => this.printResults(r))
        .join('');
    } finally {
      this.root.nodes = saved;
      this.beginRange = this.inRange = this.endRange = 0;
    }
  }

  /** The raw result groups (used by custom columns and --sort-by). */
  findResults(data: unknown): unknown[][] {
    // Every top-level action is evaluated against the data itself.
    const cur: unknown[] = [data];
    const nodes = this.root.nodes;
    const full: unknown[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const results = this.walk(cur, node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = nodes[i];
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) {
            this.root.nodes = nodes.slice(i + 1);
            full.push(...this.findResults(value));
          }
        } else {
          this.root.nodes = nodes.slice(i + 1);
          this.findResults(null);
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private printResults(results: unknown[]): string {
    let rs = results;
    if (this.outputJson) rs = [results.map((r) => (r instanceof GoFloat ? r.v : r))];
    return rs
      .map((r, i) => {
        let text: string;
        const structured = Array.isArray(r) || isMap(r);
        if (this.outputJson) text = `${goJsonIndent(r)}\n`;
        else if (structured) text = goJson(r);
        else text = evalToText(r);
        return i !== rs.length - 1 ? `${text} ` : text;
      })
      .join('');
  }

  private walk(value: unknown[], node: JpNode): unknown[] {
    switch (node.type) {
      case 'list':
        return this.evalList(value, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(value, node.value);
      case 'array':
        return this.evalArray(value, node.params);
      case 'filter':
        return this.evalFilter(value, node);
      case 'int':
        return value.map(() => node.value);
      case 'float':
        return value.map(() => new GoFloat(node.value));
      case 'bool':
        return value.map(() => node.value);
      case 'wildcard':
        return this.evalWildcard(value);
      case 'recursive':
        return this.evalRecursive(value);
      case 'union':
        return node.nodes.flatMap((l) => this.evalList(value, l));
      case 'identifier':
        return this.evalIdentifier(value, node.name);
    }
  }

  private evalList(value: unknown[], node: JpList): unknown[] {
    let cur = value;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: unknown[], name: string): unknown[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new Error('not in range, nothing to end');
    }
    throw new Error(`unrecognized identifier ${name}`);
  }

  private evalArray(input: unknown[], nodeParams: Params[]): unknown[] {
    const result: unknown[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) throw new Error(`${goTypeName(value)} is not array or slice`);
      const params = nodeParams.map((p) => ({ ...p }));
      const len = value.length;
      if (!params[0].known) params[0].value = 0;
      if (params[0].value < 0) params[0].value += len;
      if (!params[1].known) params[1].value = len;
      if (params[1].value < 0 || (params[1].value === 0 && params[1].derived)) params[1].value += len;
      if (params[1].value !== params[0].value) {
        if (params[0].value >= len || params[0].value < 0) throw new Error(`array index out of bounds: index ${params[0].value}, length ${len}`);
        if (params[1].value > len || params[1].value < 0) throw new Error(`array index out of bounds: index ${params[1].value - 1}, length ${len}`);
        if (params[0].value > params[1].value) throw new Error(`starting index ${params[0].value} is greater than ending index ${params[1].value}`);
      } else return result;
      const slice = value.slice(params[0].value, params[1].value);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new Error('step must be > 0');
        step = params[2].value;
      }
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private evalField(input: unknown[], name: string): unknown[] {
    const results: unknown[] = [];
    if (input.length === 0) return results;
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (isMap(value) && Object.prototype.hasOwnProperty.call(value, name)) results.push(value[name]);
    }
    if (results.length === 0) {
      if (this.allowMissingKeys) return results;
      throw new Error(`${name} is not found`);
    }
    return results;
  }

  private children(value: unknown): unknown[] {
    if (isMap(value)) return Object.keys(value).sort().map((k) => value[k]);
    if (Array.isArray(value)) return value;
    if (typeof value === 'string') return [...new TextEncoder().encode(value)];
    return [];
  }

  private evalWildcard(input: unknown[]): unknown[] {
    return input.flatMap((v) => (v === null || v === undefined ? [] : this.children(v)));
  }

  private evalRecursive(input: unknown[]): unknown[] {
    const result: unknown[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      const kids = this.children(value);
      if (kids.length) {
        result.push(value);
        result.push(...this.evalRecursive(kids));
      }
    }
    return result;
  }

  private evalFilter(input: unknown[], node: Extract<JpNode, { type: 'filter' }>): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) throw new Error(`${goSprint(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        const temp = [item];
        let lefts: unknown[];
        let leftErr: Error | undefined;
        try {
          lefts = this.evalList(temp, node.left);
        } catch (e) {
          lefts = [];
          leftErr = e as Error;
        }
        if (node.op === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (leftErr) throw leftErr;
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new Error('can only compare one element at a time');
        const rights = this.evalList(temp, node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new Error('can only compare one element at a time');
        const [l, r] = [lefts[0], rights[0]];
        let pass: boolean;
        switch (node.op) {
          case '<':
            pass = less(l, r);
            break;
          case '>':
            pass = !(less(l, r) || equal(l, r));
            break;
          case '==':
            pass = equal(l, r);
            break;
          case '!=':
            pass = !equal(l, r);
            break;
          case '<=':
            pass = less(l, r) || equal(l, r);
            break;
          case '>=':
            pass = !less(l, r);
            break;
          default:
            throw new Error(`unrecognized filter operator ${node.op}`);
        }
        if (pass) results.push(item);
      }
    }
    return results;
  }
}

/** fmt.Fprint of a scalar result; JSON null prints `null`. */
export function evalToText(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof GoFloat) return formatGoFloat(v.v, 'g');
  return goSprint(v);
}
