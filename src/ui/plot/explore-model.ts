// The explorer's pure side: where the learner stands on x, the values there, and the plot of
// σ, σ′ and the tangent line as rows of text (braille dots, or plain characters with --ascii).
//
// Scales: σ runs from 0 to 1 and σ′ only from 0 to 1/4, so on one scale σ′ would be a low
// bump. σ′ gets its own scale on the right (0 to 0.25), labelled there, and drawn dotted.
// The tangent y = σ(a) + σ′(a)(x − a) is drawn in σ's scale, because it touches σ's curve:
// its slope, σ′(a), is "the slope underfoot" of the article's hiker.
import { showFixed } from "../../core/number-format";
import { sigmoid, sigmoidDerivative } from "../../core/sigmoid";
import {
  bresenham,
  type BrailleCanvas,
  canvasSegments,
  createBrailleCanvas,
  dotX,
  dotY,
  pen,
  plotFunction,
  putText,
  type Segment,
  type Viewport,
} from "./braille";

export const X_MIN = -6;
export const X_MAX = 6;
/** One press of ← or →. */
export const X_STEP = 0.25;
/** One press of [ or ], or Shift with an arrow. */
export const X_BIG_STEP = 1;
/** Where the explorer opens: the steepest point, σ(0) = 1/2, σ′(0) = 1/4. */
export const X_START = 0;
export const STEEPEST_X = 0;
/** σ′'s scale: the right-hand axis runs from 0 to this. */
export const DERIVATIVE_TOP = 0.25;
/** The tangent is drawn this far either side of the point, like a short ruler laid on the curve. */
export const TANGENT_REACH = 2.5;

const VIEW: Viewport = { xMin: X_MIN, xMax: X_MAX, yMin: 0, yMax: 1 };

/** Series ids of the plot's parts, for colouring (glyphs and labels carry the meaning). */
export const SERIES = {
  axis: 0,
  sigma: 1,
  derivative: 2,
  tangent: 3,
  point: 4,
  steepest: 5,
} as const;

/** x moved by `steps` small (or big) steps, kept on the 0.25 grid and inside [−6, 6]. */
export function moveX(x: number, steps: number, big = false): number {
  const moved = x + steps * (big ? X_BIG_STEP : X_STEP);
  const snapped = Math.round(moved / X_STEP) * X_STEP;
  return Math.min(X_MAX, Math.max(X_MIN, snapped)) + 0; // + 0 turns −0 into 0
}

export interface Readout {
  x: number;
  sigma: number;
  derivative: number;
  /** The learner stands on the steepest point (x = 0, σ′ = 1/4). */
  steepest: boolean;
}

export function readoutAt(x: number): Readout {
  return { x, sigma: sigmoid(x), derivative: sigmoidDerivative(x), steepest: x === STEEPEST_X };
}

/** The tangent line to σ at a: y = σ(a) + σ′(a)(x − a). */
export function tangentAt(a: number): (x: number) => number {
  const height = sigmoid(a);
  const slope = sigmoidDerivative(a);
  return (x) => height + slope * (x - a);
}

/** A signed number with a real minus sign (or "-" in ASCII), fixed decimals. */
export function formatFixed(value: number, decimals: number, ascii: boolean): string {
  return showFixed(value, decimals, { ascii });
}

export interface ReadoutText {
  x: string;
  sigma: string;
  derivative: string;
}

/** "x = −1.25", "σ(x) = 0.2227", "σ′(x) = 0.1731" (ASCII: sigma(x), sigma'(x)). */
export function readoutText(readout: Readout, ascii: boolean): ReadoutText {
  return {
    x: `x = ${formatFixed(readout.x, 2, ascii)}`,
    sigma: `${ascii ? "sigma(x)" : "σ(x)"} = ${formatFixed(readout.sigma, 4, ascii)}`,
    derivative: `${ascii ? "sigma'(x)" : "σ′(x)"} = ${formatFixed(readout.derivative, 4, ascii)}`,
  };
}

/** Glyphs for the plot's marks; the legend names them. */
export interface PlotGlyphs {
  point: string;
  derivativePoint: string;
  steepest: string;
  sigmaLabel: string;
  derivativeLabel: string;
  /** Under the x axis, at the learner's x. */
  xMark: string;
}

export const UNICODE_GLYPHS: PlotGlyphs = {
  point: "●",
  derivativePoint: "○",
  steepest: "◆",
  sigmaLabel: "σ",
  derivativeLabel: "σ′",
  xMark: "▲",
};
export const ASCII_GLYPHS: PlotGlyphs = {
  point: "@",
  derivativePoint: "o",
  steepest: "#",
  sigmaLabel: "s",
  derivativeLabel: "s'",
  xMark: "^",
};

export function glyphsFor(ascii: boolean): PlotGlyphs {
  return ascii ? ASCII_GLYPHS : UNICODE_GLYPHS;
}

export interface PlotOptions {
  /** Total width in cells, axes and labels included. */
  width: number;
  /** Rows of the drawing area (the x axis and its numbers add two more). */
  rows: number;
  ascii: boolean;
}

/** Cells taken by the left labels and axis ("0.5┤") and the right ones ("├0.25"). */
export const LEFT_MARGIN = 4;
export const RIGHT_MARGIN = 5;

/** Height of the whole plot block for a drawing area of `rows` rows. */
export function plotHeight(rows: number): number {
  return rows + 2;
}

/**
 * The plot at the learner's x as rows of same-series runs: left scale (σ), drawing area, right
 * scale (σ′), then the x axis and its numbers. Joined, every row is exactly `width` cells.
 */
export function explorePlot(a: number, options: PlotOptions): Segment[][] {
  const columns = Math.max(4, options.width - LEFT_MARGIN - RIGHT_MARGIN);
  const rows = Math.max(3, options.rows);
  const area = options.ascii ? asciiArea(a, columns, rows) : brailleArea(a, columns, rows);
  const box = options.ascii ? { v: "|", tickL: "+", tickR: "+", h: "-", corner: "+", end: "+", tickDown: "+" } : BOX;

  const labelRow = (y: number) => Math.round(((1 - y) / 1) * (rows - 1));
  const left = new Map([
    [labelRow(1), "  1"],
    [labelRow(0.5), "0.5"],
    [labelRow(0), "  0"],
  ]);
  const right = new Map([
    [labelRow(1), "0.25"],
    [labelRow(0), "0"],
  ]);

  const out: Segment[][] = area.map((segments, row) => {
    const leftLabel = left.get(row);
    const rightLabel = right.get(row);
    return [
      { text: leftLabel === undefined ? `   ${box.v}` : `${leftLabel}${box.tickL}`, series: SERIES.axis },
      ...segments,
      { text: rightLabel === undefined ? `${box.v}    ` : `${box.tickR}${rightLabel.padEnd(4)}`, series: SERIES.axis },
    ];
  });

  // x axis with ticks and the learner's x (▲), then the tick numbers under their ticks.
  const ticks = columns >= 40 ? [-6, -4, -2, 0, 2, 4, 6] : [-6, -3, 0, 3, 6];
  const column = (x: number) => Math.min(columns - 1, Math.max(0, areaColumn(x, columns, options.ascii)));
  const axis = Array<string>(columns).fill(box.h);
  for (const tick of ticks) axis[column(tick)] = box.tickDown;
  const marker = column(a);
  out.push([
    { text: `   ${box.corner}${axis.slice(0, marker).join("")}`, series: SERIES.axis },
    { text: glyphsFor(options.ascii).xMark, series: SERIES.point },
    { text: `${axis.slice(marker + 1).join("")}${box.end}    `, series: SERIES.axis },
  ]);
  const numbers = Array<string>(LEFT_MARGIN + columns + RIGHT_MARGIN).fill(" ");
  for (const tick of ticks) {
    const label = formatFixed(tick, 0, options.ascii);
    // The last digit sits under the tick, so −6 and 6 line up the same way.
    const start = LEFT_MARGIN + column(tick) - (label.length - 1);
    [...label].forEach((char, i) => {
      if (start + i >= 0) numbers[start + i] = char;
    });
  }
  numbers[LEFT_MARGIN + columns + 2] = "x";
  out.push([{ text: numbers.join(""), series: SERIES.axis }]);
  return out;
}

/** The drawing-area column of a value of x (braille: the cell holding its dot). */
export function areaColumn(x: number, columns: number, ascii: boolean): number {
  const fraction = (x - X_MIN) / (X_MAX - X_MIN);
  return ascii ? Math.round(fraction * (columns - 1)) : Math.round(fraction * (columns * 2 - 1)) >> 1;
}

const BOX = { v: "│", tickL: "┤", tickR: "├", h: "─", corner: "└", end: "┘", tickDown: "┬" };

/** The drawing area in braille: σ solid, σ′ dotted (right scale), tangent dashed, marks on top. */
function brailleArea(a: number, columns: number, rows: number): Segment[][] {
  const canvas = createBrailleCanvas(columns, rows);
  const glyphs = UNICODE_GLYPHS;
  plotFunction(canvas, VIEW, (x) => sigmoidDerivative(x) / DERIVATIVE_TOP, pen(SERIES.derivative, { on: 1, off: 1 }));
  plotFunction(canvas, VIEW, sigmoid, pen(SERIES.sigma));
  plotFunction(canvas, VIEW, tangentAt(a), pen(SERIES.tangent, { on: 2, off: 2 }), a - TANGENT_REACH, a + TANGENT_REACH);
  putLabels(canvas, glyphs, (x, y) => cellOf(canvas, x, y));
  putMarks(canvas, a, glyphs, (x, y) => cellOf(canvas, x, y));
  return canvasSegments(canvas);
}

function cellOf(canvas: BrailleCanvas, x: number, y: number): [number, number] {
  return [Math.round(dotX(canvas, VIEW, x)) >> 1, Math.round(dotY(canvas, VIEW, y)) >> 2];
}

/** Curve names beside their curves, where the two never meet: σ near its top right, σ′ at its left. */
function putLabels(canvas: BrailleCanvas, glyphs: PlotGlyphs, cell: (x: number, y: number) => [number, number]): void {
  const [sc, sr] = cell(4.5, sigmoid(4.5));
  putText(canvas, sc, sr + 1, glyphs.sigmaLabel, SERIES.sigma);
  const [dc, dr] = cell(-3.2, sigmoidDerivative(-3.2) / DERIVATIVE_TOP);
  putText(canvas, dc - glyphs.derivativeLabel.length, dr - 1, glyphs.derivativeLabel, SERIES.derivative);
}

/** The steepest point, then the learner's point on σ and on σ′ (the learner's point wins a shared cell). */
function putMarks(canvas: BrailleCanvas, a: number, glyphs: PlotGlyphs, cell: (x: number, y: number) => [number, number]): void {
  const [kc, kr] = cell(STEEPEST_X, sigmoid(STEEPEST_X));
  putText(canvas, kc, kr, glyphs.steepest, SERIES.steepest);
  const [dc, dr] = cell(a, sigmoidDerivative(a) / DERIVATIVE_TOP);
  putText(canvas, dc, dr, glyphs.derivativePoint, SERIES.derivative);
  const [pc, pr] = cell(a, sigmoid(a));
  putText(canvas, pc, pr, glyphs.point, SERIES.point);
}

/**
 * The drawing area in plain characters, one sample per cell: σ '*', σ′ '.', the tangent
 * '/' where it climbs a cell or more per column and '=' where it is flatter ('-' is the x axis's).
 */
function asciiArea(a: number, columns: number, rows: number): Segment[][] {
  const grid = new CharGrid(columns, rows);
  const glyphs = ASCII_GLYPHS;
  const cell = (x: number, y: number): [number, number] => [
    Math.round(((x - X_MIN) / (X_MAX - X_MIN)) * (columns - 1)),
    Math.round((1 - y) * (rows - 1)),
  ];
  const curve = (f: (x: number) => number, char: string | ((slope: number) => string), series: number, from = X_MIN, to = X_MAX) => {
    let previous: [number, number] | null = null;
    const first = Math.max(0, Math.ceil(cell(from, 0)[0]));
    const last = Math.min(columns - 1, Math.floor(cell(to, 0)[0]));
    for (let column = first; column <= last; column++) {
      const x = X_MIN + (column / (columns - 1)) * (X_MAX - X_MIN);
      const row = Math.round((1 - f(x)) * (rows - 1));
      const point: [number, number] = [column, row];
      const glyph = typeof char === "string" ? char : char(previous ? previous[1] - row : 0);
      if (previous) bresenham(previous[0], previous[1], column, row, (c, r) => grid.set(c, r, glyph, series));
      else grid.set(column, row, glyph, series);
      previous = point;
    }
  };
  curve((x) => sigmoidDerivative(x) / DERIVATIVE_TOP, ".", SERIES.derivative);
  curve(tangentAt(a), (rise) => (rise >= 1 ? "/" : "="), SERIES.tangent, a - TANGENT_REACH, a + TANGENT_REACH);
  curve(sigmoid, "*", SERIES.sigma);
  const [sc, sr] = cell(4.5, sigmoid(4.5));
  grid.text(sc, sr + 1, glyphs.sigmaLabel, SERIES.sigma);
  const [dc, dr] = cell(-3.2, sigmoidDerivative(-3.2) / DERIVATIVE_TOP);
  grid.text(dc - glyphs.derivativeLabel.length, dr - 1, glyphs.derivativeLabel, SERIES.derivative);
  const [kc, kr] = cell(STEEPEST_X, sigmoid(STEEPEST_X));
  grid.text(kc, kr, glyphs.steepest, SERIES.steepest);
  const [qc, qr] = cell(a, sigmoidDerivative(a) / DERIVATIVE_TOP);
  grid.text(qc, qr, glyphs.derivativePoint, SERIES.derivative);
  const [pc, pr] = cell(a, sigmoid(a));
  grid.text(pc, pr, glyphs.point, SERIES.point);
  return grid.segments();
}

/** A grid of single characters with the series that drew each, clipped at its edges. */
class CharGrid {
  private readonly chars: string[];
  private readonly series: number[];

  constructor(
    private readonly columns: number,
    private readonly rows: number,
  ) {
    this.chars = Array<string>(columns * rows).fill(" ");
    this.series = Array<number>(columns * rows).fill(-1);
  }

  set(column: number, row: number, char: string, series: number): void {
    if (column < 0 || row < 0 || column >= this.columns || row >= this.rows) return;
    this.chars[row * this.columns + column] = char;
    this.series[row * this.columns + column] = series;
  }

  text(column: number, row: number, text: string, series: number): void {
    [...text].forEach((char, i) => {
      this.set(column + i, row, char, series);
    });
  }

  segments(): Segment[][] {
    const out: Segment[][] = [];
    for (let row = 0; row < this.rows; row++) {
      const segments: Segment[] = [];
      for (let column = 0; column < this.columns; column++) {
        const char = this.chars[row * this.columns + column]!;
        const series = char === " " ? -1 : this.series[row * this.columns + column]!;
        const previous = segments.at(-1);
        if (previous && previous.series === series) previous.text += char;
        else segments.push({ text: char, series });
      }
      out.push(segments);
    }
    return out;
  }
}

/** Plot rows as plain strings. */
export function segmentsToLines(rows: readonly (readonly Segment[])[]): string[] {
  return rows.map((segments) => segments.map((s) => s.text).join(""));
}
