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
  const deepAt = flowDeeperThan(text, MAX_YAML_DEPTH);
  if (deepAt !== null) {
    // yaml's parser recurses once a level; a few thousand brackets take it so deep that V8,
    // compiling a regular expression there, aborts the process. Such a file is not parsed.
    const doc = parseDocument("");
    for (let i = 0; i <= text.length; i = text.indexOf("\n", i) + 1 || text.length + 1) lineCounter.addNewLine(i);
    const source: SourceFile = { file, fileOrder, text, doc, lineCounter, data: null };
    return {
      source,
      problems: [problemAtOffset(source, deepAt, `nested more than ${MAX_YAML_DEPTH} levels deep; content is a few levels deep`)],
    };
  }
  // uniqueKeys: a repeated key is an error, not a silent overwrite. prettyErrors off: we
  // print our own file:line:col and one line per problem.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const source: SourceFile = { file, fileOrder, text, doc, lineCounter, data: null };
  const problems: Problem[] = [];
  const tooDeep = deeperThan(doc.contents, MAX_YAML_DEPTH);
  if (tooDeep !== null) {
    // Every later walk of the tree (toJS, the schema, id harvesting) recurses; so deep, V8 can
    // abort the process outright. The file is reported and read as empty.
    doc.contents = null;
    problems.push(problemAtOffset(source, tooDeep, `nested more than ${MAX_YAML_DEPTH} levels deep; content is a few levels deep`));
    return { source, problems };
  }
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

/** Far deeper than any content file (a lesson is about six levels deep). */
export const MAX_YAML_DEPTH = 64;

/**
 * The offset where brackets ([ {) or compact list dashes ("- - -") nest deeper than `limit`,
 * from the text alone (quoted strings and comments skipped); null when they do not.
 */
function flowDeeperThan(text: string, limit: number): number | null {
  let depth = 0;
  let quote: string | null = null;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "\n") {
      lineStart = true;
      continue;
    }
    if (lineStart && c !== " ") {
      // "- - - x": each dash opens a list inside the last.
      let dashes = 0;
      let j = i;
      while (text[j] === "-" && (text[j + 1] === " " || text[j + 1] === "\t")) {
        dashes++;
        j += 2;
        while (text[j] === " ") j++;
      }
      if (dashes > limit) return i;
      lineStart = false;
    }
    if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end - 1;
    } else if (
      (c === '"' || c === "'") &&
      /^$|[:,[{-]$/.test(
        text
          .slice(Math.max(0, i - 40), i)
          .trimEnd()
          .slice(-1),
      )
    ) {
      // A quote opens a string only where a value starts (don't, in plain text, opens none).
      quote = c;
    } else if (c === "[" || c === "{") {
      if (++depth > limit) return i;
    } else if (c === "]" || c === "}") {
      depth = Math.max(0, depth - 1);
    }
  }
  return null;
}

/** The offset of the first node nested deeper than `limit`, found without recursion; null when none is. */
function deeperThan(root: unknown, limit: number): number | null {
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isPair(node)) {
      stack.push({ node: node.key, depth }, { node: node.value, depth });
    } else if (isMap(node) || isSeq(node)) {
      if (depth >= limit) return node.range?.[0] ?? 0;
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  return null;
}

function yamlMessage(message: string): string {
  // The yaml package's messages may end with a code excerpt; the first line says what is wrong.
  const first = message
    .split("\n")[0]!
    .trim()
    .replace(/\s+at line \d+, column \d+:?$/, "");
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
