import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  BRAILLE_BLANK,
  bresenham,
  canvasLines,
  canvasSegments,
  clipSegment,
  createBrailleCanvas,
  dotsOf,
  drawLine,
  getPixel,
  pen,
  pixelHeight,
  pixelWidth,
  plotFunction,
  putText,
  setPixel,
} from "../../src/ui/plot/braille";

/** Every dot set on the canvas, read back from its text (not from its bits). */
function dotsFromText(lines: readonly string[]): Set<string> {
  const dots = new Set<string>();
  lines.forEach((line, row) => {
    [...line].forEach((char, column) => {
      for (const [x, y] of dotsOf(char)) dots.add(`${column * 2 + x},${row * 4 + y}`);
    });
  });
  return dots;
}

describe("braille canvas", () => {
  test("a horizontal line across the top row of dots fills the top dots of each cell", () => {
    const canvas = createBrailleCanvas(2, 1);
    drawLine(canvas, 0, 0, 3, 0);
    expect(canvasLines(canvas)).toEqual(["⠉⠉"]);
  });

  test("a vertical line down the left column of a cell sets dots 1, 2, 3 and 7", () => {
    const canvas = createBrailleCanvas(1, 1);
    drawLine(canvas, 0, 0, 0, 3);
    expect(canvasLines(canvas)).toEqual(["⡇"]);
  });

  test("a 45° diagonal gives ⠑⢄ over two cells", () => {
    const canvas = createBrailleCanvas(2, 1);
    drawLine(canvas, 0, 0, 3, 3);
    expect(canvasLines(canvas)).toEqual(["⠑⢄"]);
  });

  test("all eight dots of a cell make ⣿ and an untouched cell is a space", () => {
    const canvas = createBrailleCanvas(2, 1);
    for (let x = 0; x < 2; x++) for (let y = 0; y < 4; y++) setPixel(canvas, x, y);
    expect(canvasLines(canvas)).toEqual(["⣿ "]);
  });

  test("every plotted pixel sets exactly its own bit and nothing else", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
        (columns, rows, raw) => {
          const canvas = createBrailleCanvas(columns, rows);
          const expected = new Set<string>();
          for (const [rx, ry] of raw) {
            const x = rx % pixelWidth(canvas);
            const y = ry % pixelHeight(canvas);
            const before = canvasLines(canvas);
            setPixel(canvas, x, y);
            expected.add(`${x},${y}`);
            expect(getPixel(canvas, x, y)).toBe(true);
            // Only the one cell holding the dot changes, and by exactly that dot.
            const after = canvasLines(canvas);
            after.forEach((line, row) => {
              [...line].forEach((char, column) => {
                const old = [...before[row]!][column]!;
                const inCell = column === x >> 1 && row === y >> 2;
                if (!inCell) expect(char).toBe(old);
              });
            });
          }
          expect(dotsFromText(canvasLines(canvas))).toEqual(expected);
        },
      ),
    );
  });

  test("the bit for a dot is the one Unicode assigns (dot numbering 1–8)", () => {
    // Unicode: dots 1,2,3,7 down the left column, 4,5,6,8 down the right; dot n is bit n−1.
    const order: [number, number, number][] = [
      [0, 0, 1],
      [0, 1, 2],
      [0, 2, 3],
      [1, 0, 4],
      [1, 1, 5],
      [1, 2, 6],
      [0, 3, 7],
      [1, 3, 8],
    ];
    for (const [x, y, dot] of order) {
      const canvas = createBrailleCanvas(1, 1);
      setPixel(canvas, x, y);
      expect(canvasLines(canvas)[0]!.codePointAt(0)! - BRAILLE_BLANK).toBe(1 << (dot - 1));
    }
  });

  test("dots outside the canvas are ignored", () => {
    const canvas = createBrailleCanvas(2, 2);
    expect(setPixel(canvas, -1, 0)).toBe(false);
    expect(setPixel(canvas, 4, 0)).toBe(false);
    expect(setPixel(canvas, 0, 8)).toBe(false);
    expect(setPixel(canvas, 0.5, 1)).toBe(false);
    expect(canvasLines(canvas)).toEqual(["  ", "  "]);
  });

  test("a line running far off both sides is clipped to exactly the row it crosses", () => {
    const canvas = createBrailleCanvas(5, 2);
    drawLine(canvas, -1000, 5, 1000, 5);
    for (let x = 0; x < pixelWidth(canvas); x++) {
      for (let y = 0; y < pixelHeight(canvas); y++) expect(getPixel(canvas, x, y)).toBe(y === 5);
    }
  });

  test("a line that misses the canvas draws nothing", () => {
    const canvas = createBrailleCanvas(3, 3);
    drawLine(canvas, -10, -10, -2, 40);
    expect(canvasLines(canvas).join("")).toBe(" ".repeat(9));
  });

  test("dashes leave gaps in the given rhythm along the path", () => {
    const canvas = createBrailleCanvas(4, 1);
    drawLine(canvas, 0, 0, 7, 0, pen(0, { on: 2, off: 2 }));
    const row = Array.from({ length: 8 }, (_, x) => (getPixel(canvas, x, 0) ? "#" : "."));
    expect(row.join("")).toBe("##..##..");
  });

  test("text over a cell replaces its dots, and segments join back to the lines", () => {
    const canvas = createBrailleCanvas(4, 1);
    drawLine(canvas, 0, 0, 7, 0, pen(1));
    putText(canvas, 1, 0, "σ", 2);
    expect(canvasLines(canvas)).toEqual(["⠉σ⠉⠉"]);
    const segments = canvasSegments(canvas);
    expect(segments[0]!.map((s) => s.text).join("")).toBe("⠉σ⠉⠉");
    expect(segments[0]!.map((s) => s.series)).toEqual([1, 2, 1]);
  });
});

describe("bresenham", () => {
  test("visits both ends and moves one dot at a time, max(|dx|, |dy|) + 1 dots in all", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -50, max: 50 }),
        (x0, y0, x1, y1) => {
          const points: [number, number][] = [];
          bresenham(x0, y0, x1, y1, (x, y) => points.push([x, y]));
          expect(points[0]).toEqual([x0, y0]);
          expect(points.at(-1)).toEqual([x1, y1]);
          expect(points.length).toBe(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) + 1);
          for (let i = 1; i < points.length; i++) {
            expect(Math.abs(points[i]![0] - points[i - 1]![0])).toBeLessThanOrEqual(1);
            expect(Math.abs(points[i]![1] - points[i - 1]![1])).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe("clipSegment", () => {
  test("the clipped part lies inside the box and on the original line", () => {
    const box = { xMin: 0, xMax: 10, yMin: 0, yMax: 5 };
    fc.assert(
      fc.property(
        fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true })),
        fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true })),
        ([x0, y0], [x1, y1]) => {
          const clipped = clipSegment(x0, y0, x1, y1, box);
          if (!clipped) return;
          const [a, b, c, d] = clipped;
          for (const [x, y] of [
            [a, b],
            [c, d],
          ] as const) {
            expect(x).toBeGreaterThanOrEqual(box.xMin - 1e-9);
            expect(x).toBeLessThanOrEqual(box.xMax + 1e-9);
            expect(y).toBeGreaterThanOrEqual(box.yMin - 1e-9);
            expect(y).toBeLessThanOrEqual(box.yMax + 1e-9);
            // Collinear with the original segment (cross product near 0, scaled by its length).
            const cross = (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0);
            expect(Math.abs(cross)).toBeLessThanOrEqual(1e-6 * (1 + Math.hypot(x1 - x0, y1 - y0) ** 2));
          }
        },
      ),
    );
  });
});

describe("plotFunction", () => {
  test("y = x over the unit square runs from the bottom-left dot to the top-right dot", () => {
    const canvas = createBrailleCanvas(4, 2); // 8 × 8 dots
    plotFunction(canvas, { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, (x) => x);
    expect(getPixel(canvas, 0, 7)).toBe(true);
    expect(getPixel(canvas, 7, 0)).toBe(true);
    for (let i = 0; i < 8; i++) expect(getPixel(canvas, i, 7 - i)).toBe(true);
    expect(dotsFromText(canvasLines(canvas)).size).toBe(8);
  });

  test("a steep step stays connected: every dot column between the two levels is reached", () => {
    const canvas = createBrailleCanvas(4, 2);
    plotFunction(canvas, { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, (x) => (x < 0.5 ? 0 : 1));
    for (let y = 0; y < 8; y++) {
      const anyInRow = Array.from({ length: 8 }, (_, x) => getPixel(canvas, x, y)).some(Boolean);
      expect(anyInRow).toBe(true);
    }
  });

  test("values above the viewport are clipped, not wrapped or drawn on the edge", () => {
    const canvas = createBrailleCanvas(4, 2);
    plotFunction(canvas, { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, () => 3);
    expect(canvasLines(canvas).join("")).toBe(" ".repeat(8));
  });
});
