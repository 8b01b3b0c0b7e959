// A content file parsed as YAML with every node's place in the text, so that any problem,
// found by the schema or by a cross-file check, can be reported at file:line:col.
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument, Scalar, visit } from "yaml";
import type { Problem } from "./problems";
import { sourceOffsetInScalar } from "./scalar-offsets";

export type Path = readonly (string | number)[];

export interface SourceFile {
  /** The file as shown in messages. */
  file: string;
  fileOrder: number;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The document as plain data (null when the YAML could not be read). */
  data: unknown;
}

export function parseSource(file: string, text: string, fileOrder: number): { source: SourceFile; problems: Problem[] } {
  const lineCounter = new LineCounter();
  // uniqueKeys: a repeated key is an error, not a silent overwrite. prettyErrors off: we
  // print our own file:line:col and one line per problem.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const source: SourceFile = { file, fileOrder, text, doc, lineCounter, data: null };
  const problems: Problem[] = [];
  for (const error of doc.errors) {
    problems.push(problemAtOffset(source, error.pos[0], `YAML syntax error: ${yamlMessage(error.message)}`));
  }
  if (problems.length === 0) {
    try {
      source.data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // In practice an alias problem (unknown anchor, too many aliases): point at the first alias.
      const message = error instanceof Error ? error.message : String(error);
      let offset = 0;
      visit(doc, {
        Alias(_, node) {
          offset = node.range?.[0] ?? 0;
          return visit.BREAK;
        },
      });
      problems.push(problemAtOffset(source, offset, `YAML could not be read: ${yamlMessage(message)}`));
    }
  }
  return { source, problems };
}

function yamlMessage(message: string): string {
  // The yaml package's messages may end with a code excerpt; the first line says what is wrong.
  const first = message.split("\n")[0]!.trim().replace(/\s+at line \d+, column \d+:?$/, "");
  return first.charAt(0).toLowerCase() + first.slice(1);
}

export function positionOf(source: SourceFile, offset: number): { line: number; col: number } {
  const clamped = Math.max(0, Math.min(offset, source.text.length));
  const { line, col } = source.lineCounter.linePos(clamped);
  // linePos reports line 0 before the first newline was seen (a one-line file).
  return line === 0 ? { line: 1, col: clamped + 1 } : { line, col };
}

export function problemAtOffset(source: SourceFile, offset: number, message: string): Problem {
  const { line, col } = positionOf(source, offset);
  return { file: source.file, fileOrder: source.fileOrder, line, col, message };
}

/** Where a path ends in the document, and how far along the path the document goes. */
export interface Located {
  /** The node at the path, or at the deepest part of it that exists. */
  node: Node | null;
  /** The pair holding the last existing map segment (for pointing at a key). */
  pair: Pair | null;
  /** How many segments of the path exist. */
  depth: number;
}

export function locate(source: SourceFile, path: Path): Located {
  let node: Node | null = (source.doc.contents as Node | null) ?? null;
  let pair: Pair | null = null;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const found = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
      if (!found) break;
      pair = found as Pair;
      const value = found.value as Node | null;
      if (value === null || value === undefined) {
        // `key:` with nothing after it: point at the key.
        node = (found.key as Node | null) ?? node;
        depth++;
        break;
      }
      node = value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as Node | undefined;
      if (item === undefined || item === null) break;
      pair = null;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { node, pair, depth };
}

export function keyText(key: unknown): string | null {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return null;
  return String(key);
}

function startOf(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

/** The start of the node at `path` (or of the deepest existing part of it). */
export function offsetAt(source: SourceFile, path: Path): number {
  return startOf(locate(source, path).node);
}

/** Problem at the value found at `path`. */
export function problemAt(source: SourceFile, path: Path, message: string): Problem {
  return problemAtOffset(source, offsetAt(source, path), message);
}

/** Problem at the key `key` of the map at `path` (e.g. an unknown key). */
export function problemAtKey(source: SourceFile, path: Path, key: string, message: string): Problem {
  const { node } = locate(source, path);
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && keyText(item.key) === key);
    if (pair) return problemAtOffset(source, startOf(pair.key as Node), message);
  }
  return problemAtOffset(source, startOf(node), message);
}

/**
 * Problem at character `index` of the string value at `path` (e.g. inside a formula). The
 * mapping is exact for plain and single-quoted scalars and for double-quoted ones with
 * escapes; for multi-line and block scalars it follows the folded lines (best effort).
 */
export function problemInString(source: SourceFile, path: Path, index: number, message: string): Problem {
  const { node } = locate(source, path);
  if (node instanceof Scalar && typeof node.value === "string" && node.range) {
    return problemAtOffset(source, sourceOffsetInScalar(source.text, node, index), message);
  }
  return problemAtOffset(source, startOf(node), message);
}
