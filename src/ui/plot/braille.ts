// A canvas of braille-dot cells for plotting in a terminal. Each cell is one character of the
// Unicode braille block (U+2800–U+28FF) and holds 2 × 4 dots, so a plot gets twice the
// horizontal and four times the vertical resolution of plain characters. Pixel (0, 0) is the
// top-left dot; y grows downwards, as on the screen.
//
// Pure data and functions: no React, no Ink. The Explore screen rasterises its curves here
// and renders the rows; tests check single bits.

/** Dot bits of one cell, indexed [row][column] of the dot inside the cell (Unicode's numbering). */
const DOT_BITS: readonly (readonly [number, number])[] = [
  [0x01, 0x08],
  [0x02, 0x10],
  [0x04, 0x20],
  [0x40, 0x80],
];

export const BRAILLE_BLANK = 0x2800;
export const DOTS_ACROSS = 2;
export const DOTS_DOWN = 4;

/** Which drawing a cell's dots came from, so a renderer can colour them (colour is never the only cue). */
export type SeriesId = number;
export const NO_SERIES: SeriesId = -1;

export interface BrailleCanvas {
  /** Size in character cells. */
  readonly columns: number;
  readonly rows: number;
  /** Dot bits per cell, row-major. */
  readonly bits: Uint8Array;
  /** The series that last set a dot in each cell (NO_SERIES when none). */
  readonly series: Int16Array;
  /** Text put over a cell (markers, labels); it replaces the dots there when shown. */
  readonly overlay: (string | null)[];
  readonly overlaySeries: Int16Array;
}

export function createBrailleCanvas(columns: number, rows: number): BrailleCanvas {
  const cols = Math.max(0, Math.floor(columns));
  const rws = Math.max(0, Math.floor(rows));
  const cells = cols * rws;
  return {
    columns: cols,
    rows: rws,
    bits: new Uint8Array(cells),
    series: new Int16Array(cells).fill(NO_SERIES),
    overlay: Array<string | null>(cells).fill(null),
    overlaySeries: new Int16Array(cells).fill(NO_SERIES),
  };
}

export function pixelWidth(canvas: BrailleCanvas): number {
  return canvas.columns * DOTS_ACROSS;
}

export function pixelHeight(canvas: BrailleCanvas): number {
  return canvas.rows * DOTS_DOWN;
}

/** The cell index and bit of a dot, or null when the dot lies outside the canvas. */
export function dotAddress(canvas: BrailleCanvas, x: number, y: number): { cell: number; bit: number } | null {
  if (!Number.isInteger(x) || !Number.isInteger(y)) return null;
  if (x < 0 || y < 0 || x >= pixelWidth(canvas) || y >= pixelHeight(canvas)) return null;
  const column = x >> 1;
  const row = y >> 2;
  return { cell: row * canvas.columns + column, bit: DOT_BITS[y & 3]![x & 1]! };
}

/** Sets one dot. Dots outside the canvas are ignored (that is the clipping); returns whether it was inside. */
export function setPixel(canvas: BrailleCanvas, x: number, y: number, series: SeriesId = 0): boolean {
  const address = dotAddress(canvas, x, y);
  if (!address) return false;
  canvas.bits[address.cell]! |= address.bit;
  canvas.series[address.cell] = series;
  return true;
}

export function getPixel(canvas: BrailleCanvas, x: number, y: number): boolean {
  const address = dotAddress(canvas, x, y);
  return address !== null && (canvas.bits[address.cell]! & address.bit) !== 0;
}

/**
 * Every integer point of the line from (x0, y0) to (x1, y1), both ends included, in order
 * (Bresenham's algorithm, all octants). Shared with the ASCII plot.
 */
export function bresenham(x0: number, y0: number, x1: number, y1: number, visit: (x: number, y: number) => void): void {
  let x = Math.round(x0);
  let y = Math.round(y0);
  const xEnd = Math.round(x1);
  const yEnd = Math.round(y1);
  const dx = Math.abs(xEnd - x);
  const dy = -Math.abs(yEnd - y);
  const sx = x < xEnd ? 1 : -1;
  const sy = y < yEnd ? 1 : -1;
  let error = dx + dy;
  for (;;) {
    visit(x, y);
    if (x === xEnd && y === yEnd) return;
    const doubled = 2 * error;
    if (doubled >= dy) {
      error += dy;
      x += sx;
    }
    if (doubled <= dx) {
      error += dx;
      y += sy;
    }
  }
}

/**
 * The part of the segment inside [xMin, xMax] × [yMin, yMax] (Liang–Barsky), or null when it
 * misses the box. Keeps line drawing short when a tangent runs far off the plot.
 */
export function clipSegment(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  box: { xMin: number; xMax: number; yMin: number; yMax: number },
): [number, number, number, number] | null {
  if (![x0, y0, x1, y1].every(Number.isFinite)) return null;
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x0 - box.xMin],
    [dx, box.xMax - x0],
    [-dy, y0 - box.yMin],
    [dy, box.yMax - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return null;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return null;
      if (t < t1) t1 = t;
    }
  }
  return [x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy];
}

/** Dashes: `on` dots drawn, then `off` dots skipped, counted along the path. */
export interface DashPattern {
  on: number;
  off: number;
}

/** A pen that remembers how far along its dash pattern it is, so a polyline's dashes run on across segments. */
export interface Pen {
  series: SeriesId;
  dash: DashPattern | null;
  travelled: number;
  last: [number, number] | null;
}

export function pen(series: SeriesId = 0, dash: DashPattern | null = null): Pen {
  return { series, dash, travelled: 0, last: null };
}

/** Draws a line in dot coordinates, clipped to the canvas. */
export function drawLine(canvas: BrailleCanvas, x0: number, y0: number, x1: number, y1: number, drawWith: Pen = pen()): void {
  const clipped = clipSegment(x0, y0, x1, y1, {
    xMin: 0,
    xMax: pixelWidth(canvas) - 1,
    yMin: 0,
    yMax: pixelHeight(canvas) - 1,
  });
  if (!clipped) return;
  bresenham(...clipped, (x, y) => {
    // A polyline's joints are visited twice (end of one segment, start of the next): count once.
    if (drawWith.last && drawWith.last[0] === x && drawWith.last[1] === y) return;
    drawWith.last = [x, y];
    const { dash } = drawWith;
    const step = drawWith.travelled++;
    if (dash && step % (dash.on + dash.off) >= dash.on) return;
    setPixel(canvas, x, y, drawWith.series);
  });
}

/** A mapping from the plane to the canvas: which x and y values the canvas spans. */
export interface Viewport {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The dot column of a value of x: xMin at the left dot, xMax at the right one (fractional). */
export function dotX(canvas: BrailleCanvas, view: Viewport, x: number): number {
  return ((x - view.xMin) / (view.xMax - view.xMin)) * (pixelWidth(canvas) - 1);
}

/** The dot row of a value of y: yMax at the top dot, yMin at the bottom one (fractional). */
export function dotY(canvas: BrailleCanvas, view: Viewport, y: number): number {
  return ((view.yMax - y) / (view.yMax - view.yMin)) * (pixelHeight(canvas) - 1);
}

/** The value of x at a dot column. */
export function valueAtDotX(canvas: BrailleCanvas, view: Viewport, column: number): number {
  const width = pixelWidth(canvas) - 1;
  return width <= 0 ? view.xMin : view.xMin + (column / width) * (view.xMax - view.xMin);
}

/**
 * Plots y = f(x) over [from, to] (default: the viewport's x range), sampled at every dot column
 * and joined by lines, so steep parts stay connected. Values outside the viewport are clipped;
 * a non-finite value breaks the curve.
 */
export function plotFunction(
  canvas: BrailleCanvas,
  view: Viewport,
  f: (x: number) => number,
  drawWith: Pen = pen(),
  from = view.xMin,
  to = view.xMax,
): void {
  const first = Math.max(0, Math.ceil(dotX(canvas, view, Math.min(from, to)) - 1e-9));
  const last = Math.min(pixelWidth(canvas) - 1, Math.floor(dotX(canvas, view, Math.max(from, to)) + 1e-9));
  let previous: [number, number] | null = null;
  for (let column = first; column <= last; column++) {
    const y = f(valueAtDotX(canvas, view, column));
    if (!Number.isFinite(y)) {
      previous = null;
      continue;
    }
    const row = dotY(canvas, view, y);
    if (previous) drawLine(canvas, previous[0], previous[1], column, row, drawWith);
    else drawLine(canvas, column, row, column, row, drawWith);
    previous = [column, row];
  }
}

/**
 * Writes text over cells starting at (column, row), one character per cell; characters
 * falling outside the canvas are dropped. Use only single-width characters.
 */
export function putText(canvas: BrailleCanvas, column: number, row: number, text: string, series: SeriesId = NO_SERIES): void {
  if (row < 0 || row >= canvas.rows) return;
  let c = column;
  for (const char of text) {
    if (c >= 0 && c < canvas.columns) {
      canvas.overlay[row * canvas.columns + c] = char;
      canvas.overlaySeries[row * canvas.columns + c] = series;
    }
    c++;
  }
}

/** The character a cell shows: its overlay, else its dots, else a space. */
export function cellChar(canvas: BrailleCanvas, cell: number): string {
  const text = canvas.overlay[cell];
  if (text !== null && text !== undefined) return text;
  const bits = canvas.bits[cell]!;
  // An empty cell is a space rather than U+2800, which some fonts draw as faint dots.
  return bits === 0 ? " " : String.fromCharCode(BRAILLE_BLANK + bits);
}

/** The series shown in a cell (the overlay's when there is one). */
export function cellSeries(canvas: BrailleCanvas, cell: number): SeriesId {
  return canvas.overlay[cell] !== null ? canvas.overlaySeries[cell]! : canvas.bits[cell] === 0 ? NO_SERIES : canvas.series[cell]!;
}

/** The canvas as text, one string per row of cells. */
export function canvasLines(canvas: BrailleCanvas): string[] {
  const lines: string[] = [];
  for (let row = 0; row < canvas.rows; row++) {
    let line = "";
    for (let column = 0; column < canvas.columns; column++) line += cellChar(canvas, row * canvas.columns + column);
    lines.push(line);
  }
  return lines;
}

/** A run of neighbouring cells of one series, for colouring. */
export interface Segment {
  text: string;
  series: SeriesId;
}

/** The canvas as rows of same-series runs; joined, each row equals canvasLines' row. */
export function canvasSegments(canvas: BrailleCanvas): Segment[][] {
  const rows: Segment[][] = [];
  for (let row = 0; row < canvas.rows; row++) {
    const segments: Segment[] = [];
    for (let column = 0; column < canvas.columns; column++) {
      const cell = row * canvas.columns + column;
      const char = cellChar(canvas, cell);
      const series = char === " " ? NO_SERIES : cellSeries(canvas, cell);
      const previous = segments.at(-1);
      if (previous && previous.series === series) previous.text += char;
      else segments.push({ text: char, series });
    }
    rows.push(segments);
  }
  return rows;
}

/** The dots set in one braille character, as (x, y) within its cell; empty for any other character. */
export function dotsOf(char: string): [number, number][] {
  const code = char.codePointAt(0) ?? 0;
  if (code < BRAILLE_BLANK || code > BRAILLE_BLANK + 0xff) return [];
  const bits = code - BRAILLE_BLANK;
  const dots: [number, number][] = [];
  DOT_BITS.forEach((pair, y) => {
    pair.forEach((bit, x) => {
      if (bits & bit) dots.push([x, y]);
    });
  });
  return dots;
}
