// The Explore screen: the learner's x moves, the values and the tangent follow, the steepest
// point is marked, and it fits 80×24 and 40×15 in Unicode and in ASCII.
import { afterEach, describe, expect, test } from "vitest";
import { displayWidth } from "../../src/core/latex";
import { sigmoid, sigmoidDerivative } from "../../src/core/sigmoid";
import { KEYS, renderTrainer } from "./harness";

const SHIFT_RIGHT = "\u001B[1;2C";
const SHIFT_LEFT = "\u001B[1;2D";

const open: { unmount(): void }[] = [];
afterEach(() => {
  for (const instance of open.splice(0)) instance.unmount();
});

async function explore(options: Parameters<typeof renderTrainer>[0] = {}) {
  const trainer = await renderTrainer({ initial: "explore", ...options });
  open.push(trainer);
  return trainer;
}

const four = (v: number) => v.toFixed(4);

describe("moving x", () => {
  test("it opens at the steepest point: σ(0) = 0.5, σ′(0) = 0.25, and says so", async () => {
    const { frame } = await explore();
    expect(frame()).toContain("x = 0.00");
    expect(frame()).toContain("σ(x) = 0.5000");
    expect(frame()).toContain("σ′(x) = 0.2500");
    expect(frame()).toContain("Here is the steepest point: σ′(0) = 1/4");
    expect(frame()).toContain("The tangent's slope is σ′(x): the slope underfoot in the fog.");
  });

  test("→ and ← move x by 0.25 and the numbers follow; away from 0 the steepest point is marked ◆", async () => {
    const { frame, press } = await explore();
    await press(KEYS.right);
    expect(frame()).toContain("x = 0.25");
    expect(frame()).toContain(`σ(x) = ${four(sigmoid(0.25))}`);
    expect(frame()).toContain(`σ′(x) = ${four(sigmoidDerivative(0.25))}`);
    expect(frame()).toContain("◆ steepest point at x = 0 (σ′(0) = 1/4)");
    const plot = frame().split("\n").slice(1, 17).join("\n");
    expect(plot).toContain("◆");
    expect(plot).toContain("●");
    await press(KEYS.left, KEYS.left, KEYS.left);
    expect(frame()).toContain("x = −0.50");
    expect(frame()).toContain(`σ(x) = ${four(sigmoid(-0.5))}`);
  });

  test("[ ] and Shift+←/→ move by 1, h/l by 0.25, 0 goes back to the steepest point", async () => {
    const { frame, press } = await explore();
    await press("]");
    expect(frame()).toContain("x = 1.00");
    await press(SHIFT_RIGHT);
    expect(frame()).toContain("x = 2.00");
    await press("h");
    expect(frame()).toContain("x = 1.75");
    await press("[", SHIFT_LEFT, "l");
    expect(frame()).toContain("x = 0.00");
    await press("]", "]", "0");
    expect(frame()).toContain("x = 0.00");
    expect(frame()).toContain("Here is the steepest point");
  });

  test("x stops at the ends of the plot, 6 and −6", async () => {
    const { frame, press } = await explore();
    for (let i = 0; i < 8; i++) await press("]");
    expect(frame()).toContain("x = 6.00");
    for (let i = 0; i < 14; i++) await press("[");
    expect(frame()).toContain("x = −6.00");
    expect(frame()).toContain(`σ′(x) = ${four(sigmoidDerivative(-6))}`);
  });

  test("the learner's point ● moves along the curve with x", async () => {
    const { frame, press } = await explore();
    const column = () => {
      const row = frame()
        .split("\n")
        .find((l) => l.includes("●"))!;
      return [...row].indexOf("●");
    };
    const start = column();
    await press("]", "]");
    expect(column()).toBeGreaterThan(start);
  });
});

describe("sizes, ASCII and colour", () => {
  test.each([
    [80, 24],
    [40, 15],
  ])("at %i×%i the frame is shorter than the terminal and no wider, plot, values, caption and keys all shown", async (columns, rows) => {
    for (const ascii of [false, true]) {
      const { frame, unmount } = await explore({ columns, rows, ascii });
      const lines = frame().split("\n");
      expect(lines.length).toBeLessThanOrEqual(rows - 1);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
      expect(frame()).toMatch(/−6|-6/);
      expect(frame()).toContain("x = 0.00");
      expect(frame()).toMatch(/slope underfoot|Slope underfoot/);
      expect(frame()).toMatch(/Esc back/);
      // At least five rows of plot between the top label and the axis.
      const top = lines.findIndex((l) => /^ {2}1[┤+]/.test(l));
      const bottom = lines.findIndex((l) => /^ {2}0[┤+]/.test(l));
      expect(bottom - top).toBeGreaterThanOrEqual(4);
      unmount();
    }
  });

  test("with --ascii every character on screen is ASCII, the curves drawn with * and .", async () => {
    for (const [columns, rows] of [
      [80, 24],
      [40, 15],
    ] as const) {
      const { frame, press, unmount } = await explore({ ascii: true, columns, rows });
      await press("]");
      expect(frame()).toMatch(/^[\x20-\x7e\n]*$/);
      expect(frame()).toContain("sigma(x) = 0.7311");
      expect(frame()).toContain("*");
      expect(frame()).toContain("@");
      unmount();
    }
  });

  test("without colour no escape codes at all; colour adds nothing the glyphs do not already say", async () => {
    const plain = await explore({ color: false });
    expect(plain.frame()).not.toContain("\u001B[");
    // (ink-testing-library's stdout is not a terminal, so chalk writes no colour here either;
    // what is checked is that turning colour on changes no character.)
    const coloured = await explore({ color: true });
    expect(coloured.frame().replace(/\u001B\[[0-9;]*m/g, "")).toBe(plain.frame());
  });
});

describe("languages", () => {
  test("in Japanese the title, the caption and the steepest-point line are Japanese", async () => {
    const { frame, press } = await explore({ lang: "ja" });
    expect(frame()).toContain("グラフで探る");
    expect(frame()).toContain("接線の傾きが σ′(x)、霧の中で足元に感じる坂の傾きです。");
    expect(frame()).toContain("ここが最も急な点です: σ′(0) = 1/4");
    await press(KEYS.right);
    expect(frame()).toContain("◆ 最も急な点は x = 0（σ′(0) = 1/4）");
  });
});
