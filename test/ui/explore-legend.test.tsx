// Explore's legend names each symbol the plot draws once, for one thing, at every size, in
// Unicode and in ASCII, in English and Japanese; and no symbol is drawn for two things.
import { afterEach, describe, expect, test } from "vitest";
import { ASCII_GLYPHS, explorePlot, SERIES, UNICODE_GLYPHS } from "../../src/ui/plot/explore-model";
import { KEYS, renderTrainer } from "./harness";

const open: { unmount(): void }[] = [];
afterEach(() => {
  for (const instance of open.splice(0)) instance.unmount();
});

const SIZES = [
  [40, 15],
  [80, 24],
  [120, 40],
] as const;

/** Where the learner stands: at the steepest point (where ● covers ◆), right of it, far left. */
const MOVES: { name: string; keys: string[] }[] = [
  { name: "x = 0", keys: [] },
  { name: "x = 1", keys: [KEYS.right, KEYS.right, KEYS.right, KEYS.right] },
  { name: "x = −3", keys: ["[", "[", "["] },
];

/** The words of the texts, split at spaces and punctuation: a mark is named where it stands alone. */
const tokens = (text: string) => text.split(/[\s,;()（）、:：]+/).filter((t) => t !== "");

describe("Explore's legend", () => {
  for (const [columns, rows] of SIZES) {
    for (const ascii of [false, true]) {
      for (const lang of ["en", "ja"] as const) {
        test(`${columns}×${rows}${ascii ? ", --ascii" : ""}, ${lang}: every mark drawn is named exactly once`, async () => {
          const glyphs = ascii ? ASCII_GLYPHS : UNICODE_GLYPHS;
          const marks = [glyphs.point, glyphs.derivativePoint, glyphs.steepest, glyphs.xMark];
          for (const move of MOVES) {
            const t = await renderTrainer({ initial: "explore", columns, rows, ascii, lang });
            open.push(t);
            await t.press(...move.keys);
            const lines = t.frame().split("\n");
            // The texts start at the values line ("x = …"), under the plot.
            const valuesAt = lines.findIndex((l) => /^x = /.test(l));
            expect(valuesAt, move.name).toBeGreaterThan(1);
            const plot = lines.slice(1, valuesAt).join("\n");
            const texts = tokens(lines.slice(valuesAt).join("\n"));
            for (const mark of marks) {
              const drawn = [...plot].includes(mark);
              const named = texts.filter((word) => word === mark).length;
              if (drawn) expect(named, `${mark} at ${move.name}`).toBe(1);
              else expect(named, `${mark} at ${move.name}`).toBeLessThanOrEqual(1);
            }
            // Wide enough for the long legend: the curves' own characters are named too (ASCII), or their lines.
            if (columns >= 60 && ascii) for (const char of ["*", ".", "=", "/"]) expect(texts.join(" ")).toContain(char);
            t.unmount();
          }
        });
      }
    }
  }

  test("no character is drawn for two things: the curves, the tangent and the marks never share one with the axes", () => {
    for (const [columns, rows] of SIZES) {
      for (const ascii of [false, true]) {
        for (const x of [-3, 0, 1, 5]) {
          const bySeries = new Map<number, Set<string>>();
          for (const row of explorePlot(x, { width: columns, rows: rows - 10, ascii })) {
            for (const segment of row) {
              if (segment.series < 0) continue;
              // The axes' numbers ("-6", "0.25") are figures, not symbols.
              // The curves' names drawn beside them ("σ′", "s'") are words, not symbols.
              const glyphs = ascii ? ASCII_GLYPHS : UNICODE_GLYPHS;
              const text =
                segment.series === SERIES.axis
                  ? segment.text.replace(/[−-]?\d+(\.\d+)?/g, "")
                  : segment.text.replace(glyphs.derivativeLabel, "").replace(glyphs.sigmaLabel, "");
              const set = bySeries.get(segment.series) ?? new Set<string>();
              for (const char of text) if (char !== " ") set.add(char);
              bySeries.set(segment.series, set);
            }
          }
          const owners = new Map<string, number>();
          for (const [series, chars] of bySeries) {
            for (const char of chars) {
              // Braille cells are shared by the curves where they cross: a dot pattern, not a symbol.
              if (char >= "\u2800" && char <= "\u28ff") continue;
              const owner = owners.get(char);
              expect(
                owner === undefined || owner === series,
                `${JSON.stringify(char)} drawn by series ${owner} and ${series} (${columns}×${rows}, ascii ${ascii}, x ${x})`,
              ).toBe(true);
              owners.set(char, series);
            }
          }
        }
      }
    }
  });
});
