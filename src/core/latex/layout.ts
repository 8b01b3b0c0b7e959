/**
 * Two-dimensional layout of a formula in terminal cells, the way it is printed in a book:
 * stacked fractions with a rule, raised exponents, brackets that grow around fractions.
 *
 *          1
 * σ(x) = ───────
 *        1 + e⁻ˣ
 *
 * Scripts: in Unicode, a superscript or subscript is written with Unicode script characters
 * (e⁻ˣ, u⁻¹, (…)², x₀) when every character of it has one: superscripts made of digits,
 * + − = ( ) and lowercase letters except q; subscripts made of digits, + − = ( ). Any other
 * script, and every script in ASCII, is laid out on its own line above (or below) and to the
 * right of its base; ^{\prime} is always written ′ (ASCII ') beside its base. Brackets grow only around rows that contain a fraction: around raised
 * exponents alone they stay one line, as in handwriting.
 *
 * A layout wider than maxWidth is broken before top-level relations (=, ≈ …), then also before
 * top-level + and −, each piece still laid out in 2-D; when a piece still does not fit, the whole
 * formula falls back to the linear form wrapped at operators (and, as a last resort, anywhere).
 */
import {
  BREAK,
  gapBetween,
  leafGlyph,
  linearWithBreaks,
  type NodeOf,
  type NodeRenderer,
  primeMarks,
  renderNode,
  type SpacingClass,
  scriptCharacters,
  spacingClasses,
} from "./linear";
import type { LatexNode, LatexRow } from "./parse";
import { displayWidth, hardWrap } from "./width";

export interface LayoutOptions {
  /** Only printable ASCII: fraction rules of "-", brackets of / | \, Greek letters by name. */
  ascii?: boolean;
  /** Widest line allowed, in terminal cells. Wider layouts are broken or fall back to linear form. */
  maxWidth?: number;
  /** Unicode only: use ² ⁻ˣ ₀ script characters where possible (default true). */
  scriptCharacters?: boolean;
}

/**
 * A block of text lines, all `width` cells wide. `baseline` is the line that lines up with the
 * text around it (a fraction's rule). bodyTop..bodyBottom are the lines holding the block's main
 * material, without raised or lowered scripts; brackets grow to span them.
 */
interface Box {
  lines: string[];
  width: number;
  baseline: number;
  bodyTop: number;
  bodyBottom: number;
}

/** A box whose first line sits at `row` in some shared coordinate (0 = the common baseline). */
interface Placed {
  box: Box;
  row: number;
}

function padRight(line: string, width: number): string {
  return line + " ".repeat(Math.max(0, width - displayWidth(line)));
}

function textBox(text: string): Box {
  return { lines: [text], width: displayWidth(text), baseline: 0, bodyTop: 0, bodyBottom: 0 };
}

/** Puts boxes side by side, each at its own row; the result's baseline and body are given in the same rows. */
function joinAcross(parts: readonly Placed[], baseline: number, bodyTop: number, bodyBottom: number): Box {
  const top = Math.min(baseline, bodyTop, ...parts.map((part) => part.row));
  const bottom = Math.max(baseline, bodyBottom, ...parts.map((part) => part.row + part.box.lines.length - 1));
  const lines: string[] = [];
  for (let row = top; row <= bottom; row++) {
    let line = "";
    for (const { box, row: first } of parts) {
      const index = row - first;
      line += index >= 0 && index < box.lines.length ? box.lines[index]! : " ".repeat(box.width);
    }
    lines.push(line);
  }
  const width = parts.reduce((sum, part) => sum + part.box.width, 0);
  return { lines, width, baseline: baseline - top, bodyTop: bodyTop - top, bodyBottom: bodyBottom - top };
}

/** Stacks non-overlapping boxes into one column, left-aligned; returns it placed at its top row. */
function stackDown(parts: readonly Placed[]): Placed {
  const top = Math.min(...parts.map((part) => part.row));
  const bottom = Math.max(...parts.map((part) => part.row + part.box.lines.length - 1));
  const width = Math.max(...parts.map((part) => part.box.width));
  const lines: string[] = [];
  for (let row = top; row <= bottom; row++) {
    const part = parts.find((candidate) => row >= candidate.row && row < candidate.row + candidate.box.lines.length);
    lines.push(padRight(part ? part.box.lines[row - part.row]! : "", width));
  }
  return { box: { lines, width, baseline: 0, bodyTop: 0, bodyBottom: 0 }, row: top };
}

/** Boxes side by side on a common baseline. */
function alongBaseline(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return textBox("");
  const parts = boxes.map((box) => ({ box, row: -box.baseline }));
  const bodyTop = Math.min(...parts.map(({ box, row }) => row + box.bodyTop));
  const bodyBottom = Math.max(...parts.map(({ box, row }) => row + box.bodyBottom));
  return joinAcross(parts, 0, bodyTop, bodyBottom);
}

function centred(line: string, lineWidth: number, width: number): string {
  const left = Math.floor((width - lineWidth) / 2);
  return " ".repeat(left) + line + " ".repeat(width - lineWidth - left);
}

const BRACKET_PIECES = {
  unicode: {
    "(": ["⎛", "⎜", "⎝"],
    ")": ["⎞", "⎟", "⎠"],
    "[": ["⎡", "⎢", "⎣"],
    "]": ["⎤", "⎥", "⎦"],
  },
  ascii: {
    "(": ["/", "|", "\\"],
    ")": ["\\", "|", "/"],
    "[": ["[", "[", "["],
    "]": ["]", "]", "]"],
  },
} as const;

/** A bracket `height` lines tall. */
function bracketLines(char: "(" | ")" | "[" | "]", height: number, ascii: boolean): string[] {
  if (height <= 1) return [char];
  const [top, middle, bottom] = BRACKET_PIECES[ascii ? "ascii" : "unicode"][char];
  return [top, ...Array<string>(height - 2).fill(middle), bottom];
}

class Layout implements NodeRenderer<Box> {
  private scriptDepth = 0;

  constructor(
    private readonly ascii: boolean,
    private readonly useScriptCharacters: boolean,
  ) {}

  row(row: LatexRow, leadingOperator = false): Box {
    const items = row.items;
    const classes = spacingClasses(items, leadingOperator);
    const boxes: Box[] = [];
    let previous: { node: LatexNode; cls: SpacingClass } | undefined;
    items.forEach((item, index) => {
      const cls = classes[index]!;
      if (cls === "space") {
        boxes.push(textBox(leafGlyph(item, this.ascii)));
        return;
      }
      if (previous) {
        const gap = gapBetween(previous.node, previous.cls, item, cls, { ascii: this.ascii, script: this.scriptDepth > 0 });
        if (gap !== "") boxes.push(textBox(gap));
      }
      boxes.push(this.node(item));
      previous = { node: item, cls };
    });
    return alongBaseline(boxes);
  }

  node(node: LatexNode): Box {
    return renderNode(node, this);
  }

  leaf(node: LatexNode): Box {
    return textBox(leafGlyph(node, this.ascii));
  }

  private scriptRow(row: LatexRow): Box {
    this.scriptDepth++;
    const box = this.row(row);
    this.scriptDepth--;
    return box;
  }

  frac(node: NodeOf<"frac">): Box {
    const numerator = this.row(node.numerator);
    const denominator = this.row(node.denominator);
    // The rule overhangs both parts by a cell, so neighbours never touch the digits.
    const width = Math.max(numerator.width, denominator.width) + 2;
    const rule = (this.ascii ? "-" : "─").repeat(width);
    const lines = [
      ...numerator.lines.map((line) => centred(line, numerator.width, width)),
      rule,
      ...denominator.lines.map((line) => centred(line, denominator.width, width)),
    ];
    const baseline = numerator.lines.length;
    return { lines, width, baseline, bodyTop: 0, bodyBottom: lines.length - 1 };
  }

  fence({ open, body: bodyRow, close }: NodeOf<"fence">): Box {
    const body = this.row(bodyRow);
    // Grow only to span the body (fractions), not raised scripts, which stay above the brackets.
    const height = body.bodyBottom - body.bodyTop + 1;
    const first = height > 1 ? body.bodyTop : body.baseline;
    const bracket = (char: "(" | ")" | "[" | "]"): Placed => {
      const lines = bracketLines(char, height, this.ascii);
      return { box: { lines, width: 1, baseline: 0, bodyTop: 0, bodyBottom: 0 }, row: first };
    };
    return joinAcross([bracket(open), { box: body, row: 0 }, bracket(close)], body.baseline, body.bodyTop, body.bodyBottom);
  }

  scripts({ base: baseNode, sup, sub }: NodeOf<"scripts">): Box {
    const base = this.node(baseNode);
    const tall = base.bodyBottom > base.bodyTop;
    const characters = (row: LatexRow | undefined, kind: "sup" | "sub"): string | undefined =>
      row && !this.ascii && this.useScriptCharacters ? scriptCharacters(row, kind) : undefined;
    const supText = (sup && primeMarks(sup, this.ascii)) ?? characters(sup, "sup");
    const subText = characters(sub, "sub");
    const parts: Placed[] = [];
    if (supText !== undefined && subText !== undefined && !tall) {
      parts.push({ box: textBox(subText + supText), row: base.baseline });
    } else {
      if (supText !== undefined) parts.push({ box: textBox(supText), row: base.bodyTop });
      else if (sup) {
        const box = this.scriptRow(sup);
        const bottom = tall ? base.bodyTop : base.baseline - 1;
        parts.push({ box, row: bottom - box.lines.length + 1 });
      }
      if (subText !== undefined) parts.push({ box: textBox(subText), row: base.bodyBottom });
      else if (sub) parts.push({ box: this.scriptRow(sub), row: tall ? base.bodyBottom : base.baseline + 1 });
    }
    const column = stackDown(parts);
    return joinAcross([{ box: base, row: 0 }, column], base.baseline, base.bodyTop, base.bodyBottom);
  }
}

/** Lines of equal display width, top to bottom. */
function finish(lines: readonly string[]): string[] {
  const width = Math.max(0, ...lines.map(displayWidth));
  return lines.map((line) => padRight(line, width));
}

/**
 * Breaks the top-level row before operators of the given classes and lays each line out in 2-D.
 * Undefined when some piece between two break points is still too wide.
 */
function brokenLayout(
  layout: Layout,
  items: readonly LatexNode[],
  breakAt: ReadonlySet<SpacingClass>,
  maxWidth: number,
): string[] | undefined {
  const classes = spacingClasses(items);
  const breaks = items.flatMap((_, index) => (index > 0 && breakAt.has(classes[index]!) ? [index] : []));
  breaks.push(items.length);
  const pieces: { box: Box; indent: number }[] = [];
  let start = 0;
  while (start < items.length) {
    let chosen: { box: Box; indent: number; end: number } | undefined;
    for (const end of breaks) {
      if (end <= start) continue;
      const box = layout.row({ kind: "row", items: items.slice(start, end) }, start > 0);
      // Continuation lines are indented by two cells when that still fits.
      const indent = start > 0 && box.width + 2 <= maxWidth ? 2 : 0;
      if (box.width + indent > maxWidth) break;
      chosen = { box, indent, end };
    }
    if (!chosen) return undefined;
    pieces.push(chosen);
    start = chosen.end;
  }
  const lines: string[] = [];
  pieces.forEach(({ box, indent }, index) => {
    const previous = pieces[index - 1]?.box;
    // A blank line keeps one piece's denominator from reading as the next piece's numerator.
    if (previous && previous.lines.length - 1 > previous.baseline && box.baseline > 0) lines.push("");
    for (const line of box.lines) lines.push(" ".repeat(indent) + line);
  });
  return lines;
}

/** The linear form wrapped to maxWidth, breaking before operators where possible. */
export function wrapLinear(node: LatexNode, ascii: boolean, maxWidth: number): string[] {
  const segments = linearWithBreaks(node, { ascii }).split(BREAK);
  const indent = maxWidth >= 20 ? "  " : "";
  const lines: string[] = [];
  let line = "";
  for (const segment of segments) {
    if (line !== "" && displayWidth(line + segment) <= maxWidth) {
      line += segment;
      continue;
    }
    if (line !== "") lines.push(line);
    const start = lines.length === 0 && line === "" ? segment : indent + segment.trimStart();
    const chunks = hardWrap(start, maxWidth).map((chunk, index) => (index === 0 ? chunk : chunk.trimStart() || chunk));
    lines.push(...chunks.slice(0, -1));
    line = chunks[chunks.length - 1]!;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** The formula laid out in 2-D: lines of equal display width, top to bottom. */
export function layoutFormula(node: LatexNode, options: LayoutOptions = {}): string[] {
  const ascii = options.ascii === true;
  const layout = new Layout(ascii, options.scriptCharacters !== false);
  const box = layout.node(node);
  const maxWidth = options.maxWidth === undefined ? undefined : Math.max(1, Math.floor(options.maxWidth));
  if (maxWidth === undefined || box.width <= maxWidth) return finish(box.lines);
  const items = node.kind === "row" ? node.items : [node];
  const broken = brokenLayout(layout, items, new Set(["rel"]), maxWidth) ?? brokenLayout(layout, items, new Set(["rel", "bin"]), maxWidth);
  return finish(broken ?? wrapLinear(node, ascii, maxWidth));
}
