import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { displayWidth } from "../../src/core/latex";
import { sigmoid, sigmoidDerivative } from "../../src/core/sigmoid";
import {
  areaColumn,
  explorePlot,
  LEFT_MARGIN,
  moveX,
  plotHeight,
  readoutAt,
  readoutText,
  segmentsToLines,
  tangentAt,
  X_MAX,
  X_MIN,
} from "../../src/ui/plot/explore-model";

describe("moving x", () => {
  test("small steps are 0.25, big steps 1, and x stays inside [−6, 6]", () => {
    expect(moveX(0, 1)).toBe(0.25);
    expect(moveX(0, -1)).toBe(-0.25);
    expect(moveX(0.25, 1, true)).toBe(1.25);
    expect(moveX(5.75, 3)).toBe(6);
    expect(moveX(-5.5, -1, true)).toBe(-6);
  });

  test("any walk stays on the 0.25 grid inside the range, with no −0", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.boolean()), { maxLength: 60 }), (moves) => {
        let x = 0;
        for (const [steps, big] of moves) {
          x = moveX(x, steps, big);
          expect(x).toBeGreaterThanOrEqual(X_MIN);
          expect(x).toBeLessThanOrEqual(X_MAX);
          expect(Number.isInteger(x * 4)).toBe(true);
          expect(Object.is(x, -0)).toBe(false);
        }
      }),
    );
  });
});

describe("readout", () => {
  test("at 0: σ = 0.5, σ′ = 0.25, the steepest point", () => {
    const r = readoutAt(0);
    expect(r).toEqual({ x: 0, sigma: 0.5, derivative: 0.25, steepest: true });
    expect(readoutText(r, false)).toEqual({ x: "x = 0.00", sigma: "σ(x) = 0.5000", derivative: "σ′(x) = 0.2500" });
  });

  test("negative x with a real minus sign, or '-' and names in ASCII", () => {
    const r = readoutAt(-1.25);
    expect(r.steepest).toBe(false);
    expect(readoutText(r, false).x).toBe("x = −1.25");
    expect(readoutText(r, true)).toEqual({ x: "x = -1.25", sigma: "sigma(x) = 0.2227", derivative: "sigma'(x) = 0.1731" });
  });

  test("the tangent touches σ at a and rises by σ′(a) per unit of x", () => {
    for (const a of [-4, -1.5, 0, 0.75, 3]) {
      const line = tangentAt(a);
      expect(line(a)).toBeCloseTo(sigmoid(a), 14);
      expect(line(a + 1) - line(a)).toBeCloseTo(sigmoidDerivative(a), 14);
    }
  });
});

describe("the plot", () => {
  const sizes = [
    { width: 80, rows: 12 },
    { width: 40, rows: 5 },
  ];

  test.each(sizes)("every row is exactly $width cells wide, with the x axis and numbers below ($rows rows)", ({ width, rows }) => {
    for (const ascii of [false, true]) {
      const lines = segmentsToLines(explorePlot(1.5, { width, rows, ascii }));
      expect(lines).toHaveLength(plotHeight(rows));
      for (const line of lines) expect(displayWidth(line)).toBe(width);
    }
  });

  test("labels: σ's scale 0, 0.5, 1 on the left, σ′'s 0 and 0.25 on the right, x from −6 to 6", () => {
    const lines = segmentsToLines(explorePlot(0, { width: 80, rows: 12, ascii: false }));
    expect(lines[0]).toMatch(/^ {2}1┤.*├0\.25$/);
    expect(lines.some((l) => l.startsWith("0.5┤"))).toBe(true);
    expect(lines[11]).toMatch(/^ {2}0┤.*├0 {3}$/);
    expect(lines[13]).toMatch(/−6.*−4.*−2.*0.*2.*4.*6/);
  });

  test("the learner's point ● sits on σ's curve at x, ▲ marks x on the axis, ◆ the steepest point", () => {
    const rows = 12;
    const a = 2;
    const lines = segmentsToLines(explorePlot(a, { width: 80, rows, ascii: false }));
    const columns = 80 - LEFT_MARGIN - 5;
    const column = LEFT_MARGIN + areaColumn(a, columns, false);
    const row = Math.round((1 - sigmoid(a)) * (rows * 4 - 1)) >> 2;
    expect([...lines[row]!][column]).toBe("●");
    expect([...lines[rows]!][column]).toBe("▲");
    const steepest = lines.findIndex((l) => l.includes("◆"));
    expect(steepest).toBe(Math.round(0.5 * (rows * 4 - 1)) >> 2);
    expect([...lines[steepest]!].indexOf("◆")).toBe(LEFT_MARGIN + areaColumn(0, columns, false));
  });

  test("at x = 0 the learner's point covers the steepest mark", () => {
    const lines = segmentsToLines(explorePlot(0, { width: 80, rows: 12, ascii: false })).join("\n");
    expect(lines).toContain("●");
    expect(lines).not.toContain("◆");
  });

  test("ASCII: only printable ASCII, σ as *, σ′ as ., the point @ and the tangent drawn beside σ", () => {
    const rows = 12;
    const a = -3;
    const lines = segmentsToLines(explorePlot(a, { width: 80, rows, ascii: true }));
    for (const line of lines) expect(line).toMatch(/^[\x20-\x7e]*$/);
    const text = lines.join("\n");
    expect(text).toContain("*");
    expect(text).toContain(".");
    expect(text).toContain("@");
    expect(text).toContain("#");
    // Two units right of a, the tangent is well below σ: its cell shows the tangent's glyph.
    const columns = 80 - LEFT_MARGIN - 5;
    const x = a + 2;
    const column = LEFT_MARGIN + areaColumn(x, columns, true);
    const row = Math.round((1 - tangentAt(a)(x)) * (rows - 1));
    expect(["=", "/"]).toContain([...lines[row]!][column]);
  });

  test("braille: the tangent's dots run along y = σ(a) + σ′(a)(x − a), dashed", () => {
    // With σ and σ′ far from it (right of a = −4 the tangent stays low while σ′ climbs), the
    // cells the tangent crosses at x = −2 hold braille dots.
    const rows = 12;
    const a = -4;
    const lines = segmentsToLines(explorePlot(a, { width: 80, rows, ascii: false }));
    const columns = 80 - LEFT_MARGIN - 5;
    const x = a + 2;
    const column = LEFT_MARGIN + areaColumn(x, columns, false);
    const row = Math.round((1 - tangentAt(a)(x)) * (rows * 4 - 1)) >> 2;
    const cells = [-1, 0, 1].map((d) => [...lines[row]!][column + d]!);
    expect(cells.some((c) => c >= "\u2801" && c <= "\u28ff")).toBe(true);
  });
});
