/**
 * One-line rendering of a formula, for plain mode, logs and screen readers:
 * σ′(x) = e^(−x) / (1 + e^(−x))². Also the glyph tables and the spacing rules that the
 * 2-D layout shares, so both forms space and spell a formula the same way.
 */
import { SUBSCRIPTS, SUPERSCRIPTS } from "../script-characters";
import type { LatexNode, LatexRow, OperatorName } from "./parse";

export interface LinearOptions {
  /** Only printable ASCII: Greek letters by name, <= for ≤, ^2 for ². */
  ascii?: boolean;
}

const GREEK_GLYPHS: Readonly<Record<string, readonly [string, string]>> = {
  sigma: ["σ", "sigma"],
  eta: ["η", "eta"],
  alpha: ["α", "alpha"],
  theta: ["θ", "theta"],
  delta: ["δ", "delta"],
  // ASCII has no ∂; "dL/dw" is how partial derivatives are usually typed in plain text.
  partial: ["∂", "d"],
};

const OPERATOR_GLYPHS: Readonly<Record<OperatorName, readonly [string, string]>> = {
  "+": ["+", "+"],
  "-": ["−", "-"],
  "=": ["=", "="],
  "*": ["*", "*"],
  "/": ["/", "/"],
  "<": ["<", "<"],
  ">": [">", ">"],
  ",": [",", ","],
  "|": ["|", "|"],
  cdot: ["·", "*"],
  times: ["×", "x"],
  approx: ["≈", "~="],
  to: ["→", "->"],
  Rightarrow: ["⇒", "=>"],
  leq: ["≤", "<="],
  geq: ["≥", ">="],
  neq: ["≠", "!="],
};

const SPACE_GLYPHS = { thin: " ", medium: " ", quad: "  " } as const;

/** The text of a leaf (a node without children); "" for composite nodes. */
export function leafGlyph(node: LatexNode, ascii: boolean): string {
  const pick = (pair: readonly [string, string]): string => (ascii ? pair[1] : pair[0]);
  switch (node.kind) {
    case "number":
      return node.text;
    case "variable":
      return node.name;
    case "greek":
      return pick(GREEK_GLYPHS[node.name]!);
    case "symbol":
      return node.name === "prime" ? pick(["′", "'"]) : pick(["∞", "inf"]);
    case "operator":
      return pick(OPERATOR_GLYPHS[node.op]);
    case "delimiter":
      return node.char;
    case "function":
      return node.name;
    case "text":
      return node.text;
    case "space":
      return SPACE_GLYPHS[node.size];
    default:
      return "";
  }
}

/** The script written with Unicode super- or subscript characters, or undefined when some part has none. */
export function scriptCharacters(row: LatexRow, kind: "sup" | "sub"): string | undefined {
  const table = kind === "sup" ? SUPERSCRIPTS : SUBSCRIPTS;
  let out = "";
  for (const item of row.items) {
    let plain: string;
    if (item.kind === "number" || item.kind === "variable") plain = item.kind === "number" ? item.text : item.name;
    else if (item.kind === "operator" && (item.op === "+" || item.op === "-" || item.op === "=")) plain = item.op;
    else if (item.kind === "fence" && item.open === "(" && item.close === ")") {
      const inner = scriptCharacters(item.body, kind);
      if (inner === undefined) return undefined;
      out += table.get("(")! + inner + table.get(")")!;
      continue;
    } else return undefined;
    for (const char of plain) {
      const mapped = table.get(char);
      if (mapped === undefined) return undefined;
      out += mapped;
    }
  }
  return out === "" ? undefined : out;
}

/** ^{\prime} (and ^{\prime\prime}) written as ′ beside the base, like f′, not raised: undefined otherwise. */
export function primeMarks(row: LatexRow, ascii: boolean): string | undefined {
  const items = row.items;
  if (items.length === 0 || !items.every((item) => item.kind === "symbol" && item.name === "prime")) return undefined;
  return (ascii ? "'" : "′").repeat(items.length);
}

/**
 * TeX-like spacing classes: ord (letters, numbers, brackets), op (ln, exp …), bin (+ − · ×),
 * rel (= ≈ ≤ → …), punct (,), open/close (unpaired brackets), inner (fractions), unary (a sign
 * before its operand), space (explicit \, \; \quad).
 */
export type SpacingClass = "ord" | "op" | "bin" | "unary" | "rel" | "punct" | "open" | "close" | "inner" | "space";

const BINARY: ReadonlySet<OperatorName> = new Set(["+", "-", "*", "cdot", "times"]);
const RELATIONS: ReadonlySet<OperatorName> = new Set(["=", "<", ">", "approx", "to", "Rightarrow", "leq", "geq", "neq"]);

function baseClass(node: LatexNode): SpacingClass {
  switch (node.kind) {
    case "operator":
      if (BINARY.has(node.op)) return "bin";
      if (RELATIONS.has(node.op)) return "rel";
      return node.op === "," ? "punct" : "ord";
    case "function":
      return "op";
    case "frac":
      return "inner";
    case "space":
      return "space";
    case "delimiter":
      return node.char === "(" || node.char === "[" ? "open" : "close";
    case "scripts":
      return baseClass(node.base);
    default:
      return "ord";
  }
}

/**
 * Classes of a row's items, with + and − before an operand marked unary (no spaces around them).
 * `leadingOperator`: the row continues a broken line, so an operator at its start stays binary.
 */
export function spacingClasses(items: readonly LatexNode[], leadingOperator = false): SpacingClass[] {
  const classes: SpacingClass[] = [];
  let previous: SpacingClass | undefined;
  for (const item of items) {
    let cls = baseClass(item);
    if (cls === "bin") {
      const startsRow = previous === undefined && !leadingOperator;
      if (startsRow || (previous !== undefined && ["bin", "unary", "rel", "punct", "open", "op"].includes(previous))) {
        cls = "unary";
      }
    }
    classes.push(cls);
    if (cls !== "space") previous = cls;
  }
  return classes;
}

function isWordLike(node: LatexNode): boolean {
  // A Greek letter spelled as a word in ASCII (sigma, eta), but not ∂ spelled "d".
  const base = node.kind === "scripts" ? node.base : node;
  return base.kind === "greek" && base.name !== "partial";
}

function startsAlphanumeric(node: LatexNode, ascii: boolean): boolean {
  if (node.kind === "scripts") return startsAlphanumeric(node.base, ascii);
  if (node.kind === "greek") return ascii;
  return /^[A-Za-z0-9]/.test(leafGlyph(node, ascii));
}

function endsAlphanumeric(node: LatexNode, ascii: boolean): boolean {
  if (node.kind === "greek") return ascii;
  return /[A-Za-z0-9]$/.test(leafGlyph(node, ascii));
}

/** A bracket pair or an opening bracket, possibly with scripts: "(x)", "(1 + x)²". */
export function startsWithBracket(node: LatexNode): boolean {
  if (node.kind === "scripts") return startsWithBracket(node.base);
  return node.kind === "fence" || (node.kind === "delimiter" && (node.char === "(" || node.char === "["));
}

/** Spaces between two neighbouring items of a row (explicit spacing commands aside). */
export function gapBetween(
  left: LatexNode,
  leftClass: SpacingClass,
  right: LatexNode,
  rightClass: SpacingClass,
  context: {
    ascii: boolean;
    /** Inside a superscript or subscript, where TeX drops the spaces around operators: e^{n+1}. */
    script?: boolean;
    /** The right item shows as a bracket pair (a fence, or a fraction the linear form brackets). */
    rightIsBracketed?: boolean;
  },
): string {
  const { ascii, script = false, rightIsBracketed = startsWithBracket(right) } = context;
  if (!script) {
    if (leftClass === "bin" || leftClass === "rel" || rightClass === "bin" || rightClass === "rel") return " ";
    if (leftClass === "punct") return " ";
  } else if (["bin", "rel", "punct"].includes(leftClass) || ["bin", "rel"].includes(rightClass)) return "";
  if (leftClass === "unary" || leftClass === "open" || rightClass === "close" || rightClass === "punct") return "";
  // ln(x), not ln (x): a function name takes a bracketed argument directly.
  if (leftClass === "op" && rightIsBracketed) return "";
  const joins = (a: SpacingClass, b: SpacingClass): boolean =>
    (a === "op" && ["ord", "op", "inner"].includes(b)) ||
    (b === "op" && ["ord", "close", "inner"].includes(a)) ||
    (a === "inner" && ["ord", "op", "inner", "open"].includes(b)) ||
    (b === "inner" && ["ord", "close"].includes(a));
  if (joins(leftClass, rightClass)) return " ";
  // In ASCII "sigma x" must not run together into "sigmax".
  if (ascii && ((isWordLike(left) && startsAlphanumeric(right, ascii)) || (endsAlphanumeric(left, ascii) && isWordLike(right)))) {
    return " ";
  }
  return "";
}

/** Marks where a long linear formula may be wrapped: before a binary operator or relation, after a comma. */
export const BREAK = "\u0000";

const TIGHT_KINDS: ReadonlySet<LatexNode["kind"]> = new Set([
  "number",
  "variable",
  "greek",
  "symbol",
  "text",
  "fence",
  "scripts",
  "delimiter",
]);

function realItems(row: LatexRow): LatexNode[] {
  return row.items.filter((item) => item.kind !== "space");
}

/** "du", "∂w", "dx²": a differential, which reads unambiguously after a slash. */
function isDifferential(items: readonly LatexNode[]): boolean {
  if (items.length !== 2) return false;
  const [first, second] = items as [LatexNode, LatexNode];
  const isD = (first.kind === "variable" && first.name === "d") || (first.kind === "greek" && first.name === "partial");
  const operand = second.kind === "scripts" ? second.base : second;
  return isD && (operand.kind === "variable" || operand.kind === "greek");
}

/** The row as one atom, once its braces are looked through: {x} is x. */
function soleItem(row: LatexRow): LatexNode | undefined {
  const items = realItems(row);
  if (items.length !== 1) return undefined;
  const item = items[0]!;
  return item.kind === "group" ? soleItem(item.body) : item;
}

function numeratorNeedsParens(row: LatexRow): boolean {
  const items = realItems(row);
  const classes = spacingClasses(items);
  return items.some(
    (item, index) =>
      ["bin", "rel", "punct", "op", "inner"].includes(classes[index]!) ||
      (item.kind === "operator" && item.op === "/") ||
      (item.kind === "group" && numeratorNeedsParens(item.body)),
  );
}

function denominatorNeedsParens(row: LatexRow): boolean {
  if (isDifferential(realItems(row))) return false;
  const item = soleItem(row);
  return item === undefined || !TIGHT_KINDS.has(item.kind);
}

/** The nodes of one kind. */
export type NodeOf<K extends LatexNode["kind"]> = Extract<LatexNode, { kind: K }>;

/**
 * What a renderer does with each kind of node: the one-line writer and the 2-D layout both
 * render a node through renderNode, so both treat the same kinds as composite and as leaves.
 */
export interface NodeRenderer<T> {
  row(row: LatexRow): T;
  fence(node: NodeOf<"fence">): T;
  frac(node: NodeOf<"frac">): T;
  scripts(node: NodeOf<"scripts">): T;
  /** A node without children (its text is leafGlyph's). */
  leaf(node: LatexNode): T;
}

/** Sends a node to the renderer's method for its kind; a group is rendered as its body. */
export function renderNode<T>(node: LatexNode, renderer: NodeRenderer<T>): T {
  switch (node.kind) {
    case "row":
      return renderer.row(node);
    case "group":
      return renderer.row(node.body);
    case "fence":
      return renderer.fence(node);
    case "frac":
      return renderer.frac(node);
    case "scripts":
      return renderer.scripts(node);
    default:
      return renderer.leaf(node);
  }
}

class LinearWriter implements NodeRenderer<string> {
  private scriptDepth = 0;

  constructor(private readonly ascii: boolean) {}

  row(row: LatexRow, leadingOperator = false): string {
    const items = row.items;
    const classes = spacingClasses(items, leadingOperator);
    let out = "";
    let previous: { node: LatexNode; cls: SpacingClass } | undefined;
    items.forEach((item, index) => {
      const cls = classes[index]!;
      if (cls === "space") {
        out += leafGlyph(item, this.ascii);
        return;
      }
      // A fraction next to other factors, or after a slash, is bracketed: (a/b)x, not a/bx.
      const next = items.slice(index + 1).find((candidate) => candidate.kind !== "space");
      const nextClass = next === undefined ? undefined : classes[items.indexOf(next)];
      const juxtaposed =
        (nextClass !== undefined && ["ord", "op", "inner", "open"].includes(nextClass)) ||
        (previous !== undefined && ["ord", "close", "inner", "op"].includes(previous.cls));
      const bracket = item.kind === "frac" && juxtaposed;
      const shownClass: SpacingClass = bracket ? "ord" : cls;
      if (previous) {
        const gap = gapBetween(previous.node, previous.cls, item, shownClass, {
          ascii: this.ascii,
          script: this.scriptDepth > 0,
          rightIsBracketed: bracket || startsWithBracket(item),
        });
        const breakable = shownClass === "bin" || shownClass === "rel" || previous.cls === "punct";
        out += (breakable ? BREAK : "") + gap;
      }
      const text = this.node(item);
      out += bracket ? `(${text})` : text;
      previous = { node: item, cls: shownClass };
    });
    return out;
  }

  node(node: LatexNode): string {
    return renderNode(node, this);
  }

  fence(node: NodeOf<"fence">): string {
    return `${node.open}${this.row(node.body)}${node.close}`;
  }

  leaf(node: LatexNode): string {
    return leafGlyph(node, this.ascii);
  }

  frac({ numerator, denominator }: NodeOf<"frac">): string {
    const top = this.row(numerator);
    const bottom = this.row(denominator);
    const shownTop = numeratorNeedsParens(numerator) ? `(${top})` : top;
    const shownBottom = denominatorNeedsParens(denominator) ? `(${bottom})` : bottom;
    // "1/2" and "d/du" stay tight; "e^(−x) / (1 + e^(−x))²" gets air around the slash.
    const spaced = /[ \u0000]/.test(shownTop + shownBottom);
    return `${shownTop}${spaced ? " / " : "/"}${shownBottom}`;
  }

  scripts({ base, sup, sub }: NodeOf<"scripts">): string {
    const baseItem = base.kind === "group" ? soleItem(base.body) : base;
    const baseText = this.node(base);
    const bracketBase = baseItem === undefined || ["frac", "scripts", "operator"].includes(baseItem.kind);
    let out = bracketBase ? `(${baseText})` : baseText;
    if (sub) out += this.script(sub, "sub");
    if (sup) out += this.script(sup, "sup");
    return out;
  }

  private script(row: LatexRow, kind: "sup" | "sub"): string {
    const sign = kind === "sup" ? "^" : "_";
    const primes = kind === "sup" ? primeMarks(row, this.ascii) : undefined;
    if (primes !== undefined) return primes;
    const item = soleItem(row);
    // Unicode super/subscript digits only (x², x₀): letters like ˣ read poorly aloud and in some fonts.
    if (!this.ascii && item?.kind === "number" && /^\d+$/.test(item.text)) {
      return scriptCharacters({ kind: "row", items: [item] }, kind)!;
    }
    this.scriptDepth++;
    const text = this.row(row);
    this.scriptDepth--;
    if (item && ["number", "variable", "greek", "symbol"].includes(item.kind)) return sign + text;
    // Subscripts that are names (w_new, x_i2) read fine without brackets.
    const items = realItems(row);
    const isName = (part: LatexNode): boolean =>
      part.kind === "variable" || part.kind === "number" || (part.kind === "text" && !part.text.includes(" "));
    if (kind === "sub" && items.length > 0 && items.every(isName)) return sign + text;
    return `${sign}(${text})`;
  }
}

/** The formula on one line, with brackets added where a fraction or exponent needs them. */
export function linearFormula(node: LatexNode, options: LinearOptions = {}): string {
  return linearWithBreaks(node, options).replaceAll(BREAK, "");
}

/** linearFormula with BREAK marks at the places a wrapped line may end. */
export function linearWithBreaks(node: LatexNode, options: LinearOptions = {}, leadingOperator = false): string {
  const writer = new LinearWriter(options.ascii === true);
  return node.kind === "row" ? writer.row(node, leadingOperator) : writer.node(node);
}
