/**
 * Multi-document YAML with source positions: each document's value (as JSON), its syntax errors
 * with line and column, and the ranges of its nodes so an API error about `spec.replicas` can be
 * drawn on the exact line. Parsing follows what kubectl's sigs.k8s.io/yaml accepts: YAML 1.1
 * scalars (`yes`/`on` are booleans, `0755` is octal), timestamps kept as strings, duplicate keys
 * rejected, empty documents skipped.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type ParsedNode } from 'yaml';

/** 1-based line and column. */
export interface Position {
  line: number;
  col: number;
}

export interface SourceRange {
  start: Position;
  end: Position;
}

export interface YamlProblem extends SourceRange {
  message: string;
}

export interface ManifestDoc {
  /** Position among the non-empty documents (what kubectl numbers and reports). */
  index: number;
  /** The document's JSON value; undefined when it did not parse. */
  value: unknown;
  errors: YamlProblem[];
  /** Lines the document spans (content only, without the `---` line). */
  range: SourceRange;
  /** Offsets of the document's content in the text. */
  offsets: [number, number];
  /** The parsed document, for locating nodes. */
  ast: Document.Parsed;
}

export interface ParsedManifests {
  docs: ManifestDoc[];
  /** True when every document parsed. */
  ok: boolean;
  lines: LineCounter;
}

const TIMESTAMP = 'tag:yaml.org,2002:timestamp';

function rangeOf(lines: LineCounter, from: number, to: number): SourceRange {
  const s = lines.linePos(from);
  const e = lines.linePos(Math.max(from, to));
  return { start: { line: s.line, col: s.col }, end: { line: e.line, col: e.col } };
}

/** Parses every document of `text`. Documents holding only comments or `null` are dropped, like kubectl does. */
export function parseManifests(text: string): ParsedManifests {
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, {
    version: '1.1',
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
    customTags: (tags) => tags.filter((t) => (t as { tag?: string }).tag !== TIMESTAMP),
  });
  const all = Array.isArray(parsed) ? parsed : [];
  const docs: ManifestDoc[] = [];
  for (const ast of all) {
    const errors: YamlProblem[] = ast.errors.map((e) => ({ message: cleanMessage(e.message), ...rangeOf(lines, e.pos[0], e.pos[1]) }));
    const [from, to] = ast.contents?.range ?? ast.range;
    let value: unknown;
    if (errors.length === 0) {
      try {
        value = ast.toJS({ maxAliasCount: 100 });
      } catch (e) {
        errors.push({ message: (e as Error).message, ...rangeOf(lines, from, to) });
      }
    }
    if (errors.length === 0 && (value === null || value === undefined)) continue;
    docs.push({ index: docs.length, value, errors, range: rangeOf(lines, from, to), offsets: [from, to], ast });
  }
  return { docs, ok: docs.every((d) => d.errors.length === 0), lines };
}

/** The yaml library appends the offending snippet after a colon and newline; the position says that already. */
function cleanMessage(m: string): string {
  return m.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** A path into a document: map keys and list indices (`['spec', 'containers', 0, 'image']`). */
export type FieldPath = (string | number)[];

export interface Located extends SourceRange {
  /** How much of the path exists in the document (the node found is the last of these). */
  depth: number;
  /** True when the whole path was found. */
  exact: boolean;
}

/**
 * Where a field is: its key and value when the whole path exists; otherwise the key of the
 * deepest ancestor that does (a missing `spec.selector` points at `spec:`).
 */
export function locate(parsed: ParsedManifests, doc: ManifestDoc, path: FieldPath): Located {
  let node: unknown = doc.ast.contents;
  let keyNode: Node | undefined;
  let depth = 0;
  for (const seg of path) {
    // Server paths write map keys and indices alike in brackets, so either may name either.
    const index = typeof seg === 'number' ? seg : /^\d+$/.test(seg) ? Number(seg) : -1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && index >= 0 && index < node.items.length) {
      keyNode = undefined;
      node = node.items[index];
    } else break;
    depth++;
  }
  const exact = depth === path.length;
  const valueRange = (node as ParsedNode | null | undefined)?.range;
  const keyRange = (keyNode as ParsedNode | undefined)?.range;
  let from: number;
  let to: number;
  if (exact && keyRange && valueRange) [from, to] = [keyRange[0], valueRange[1]];
  else if (exact && valueRange) [from, to] = [valueRange[0], valueRange[1]];
  else if (keyRange) [from, to] = [keyRange[0], keyRange[1]];
  else [from, to] = doc.offsets;
  return { ...singleLine(parsed, from, to), depth, exact };
}

/** Markers spanning a whole block are noise: keep the first line of the node. */
function singleLine(parsed: ParsedManifests, from: number, to: number): SourceRange {
  const r = rangeOf(parsed.lines, from, to);
  if (r.end.line === r.start.line) return r;
  const nextLine = parsed.lines.lineStarts[r.start.line] ?? to;
  return rangeOf(parsed.lines, from, Math.max(from, nextLine - 1));
}
