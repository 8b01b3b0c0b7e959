import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  displayWidth,
  type LatexNode,
  type LatexRow,
  latexSource,
  layoutFormula,
  linearFormula,
  parseLatex,
  renderFormula,
} from "../../src/core/latex";

// ---- Random well-formed trees, in the shape the parser produces ----

const row = (items: LatexNode[]): LatexRow => ({ kind: "row", items });

const leaf: fc.Arbitrary<LatexNode> = fc.oneof(
  fc.stringMatching(/^\d{1,3}(\.\d{1,2})?$/).map((text): LatexNode => ({ kind: "number", text })),
  fc.constantFrom("a", "b", "d", "e", "p", "u", "w", "x", "L", "Q").map((name): LatexNode => ({ kind: "variable", name })),
  fc.constantFrom("sigma", "eta", "alpha", "theta", "delta", "partial" as const).map((name): LatexNode => ({ kind: "greek", name })),
  fc.constantFrom("prime", "infty" as const).map((name): LatexNode => ({ kind: "symbol", name })),
  fc
    .constantFrom("+", "-", "=", "*", "/", "<", ">", ",", "|", "cdot", "times", "approx", "to", "Rightarrow", "leq", "geq", "neq" as const)
    .map((op): LatexNode => ({ kind: "operator", op })),
  fc.constantFrom("ln", "exp", "log", "max", "min" as const).map((name): LatexNode => ({ kind: "function", name })),
  fc
    .array(fc.stringMatching(/^[A-Za-z0-9.,!?]{1,5}$/), { minLength: 1, maxLength: 3 })
    .map((words): LatexNode => ({ kind: "text", style: "text", text: words.join(" ") })),
  fc.stringMatching(/^[A-Za-z]{1,6}$/).map((text): LatexNode => ({ kind: "text", style: "mathrm", text })),
  fc.constantFrom("thin", "medium", "quad" as const).map((size): LatexNode => ({ kind: "space", size })),
);

const { tree } = fc.letrec((tie) => {
  const node = tie("node") as fc.Arbitrary<LatexNode>;
  const items = (minLength: number) => fc.array(node, { minLength, maxLength: 4 }).map(row);
  const scriptable = node.filter((candidate) => !["operator", "space", "scripts", "row"].includes(candidate.kind));
  return {
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { arbitrary: leaf, weight: 6 },
      { arbitrary: items(0).map((body): LatexNode => ({ kind: "group", body })), weight: 1 },
      {
        arbitrary: fc
          .record({ body: items(0), pair: fc.constantFrom("()", "[]", "(]", "[)"), sized: fc.boolean() })
          // Plain brackets pair only with their own kind; \left( … \right] may mix.
          .filter(({ pair, sized }) => sized || pair === "()" || pair === "[]")
          .map(
            ({ body, pair, sized }): LatexNode => ({
              kind: "fence",
              open: pair[0] as "(" | "[",
              close: pair[1] as ")" | "]",
              sized,
              body,
            }),
          ),
        weight: 2,
      },
      {
        arbitrary: fc
          .record({ numerator: items(1), denominator: items(1), display: fc.boolean() })
          .map((parts): LatexNode => ({ kind: "frac", ...parts })),
        weight: 2,
      },
      {
        arbitrary: fc
          .record({ base: scriptable, sup: fc.option(items(1), { nil: undefined }), sub: fc.option(items(1), { nil: undefined }) })
          .filter(({ sup, sub }) => sup !== undefined || sub !== undefined)
          .map(
            ({ base, sup, sub }): LatexNode => ({
              kind: "scripts",
              base,
              ...(sup ? { sup } : {}),
              ...(sub ? { sub } : {}),
            }),
          ),
        weight: 2,
      },
    ),
    tree: items(1),
  };
});
const formula = tree as fc.Arbitrary<LatexRow>;

// ---- An independent model of the layout's height (for layouts without script characters) ----

interface Extent {
  ascent: number;
  descent: number;
  bodyAscent: number;
  bodyDescent: number;
}

const flat: Extent = { ascent: 0, descent: 0, bodyAscent: 0, bodyDescent: 0 };
const height = (extent: Extent): number => extent.ascent + 1 + extent.descent;

function extentOf(node: LatexNode): Extent {
  switch (node.kind) {
    case "row":
      return node.items.map(extentOf).reduce(
        (a, b) => ({
          ascent: Math.max(a.ascent, b.ascent),
          descent: Math.max(a.descent, b.descent),
          bodyAscent: Math.max(a.bodyAscent, b.bodyAscent),
          bodyDescent: Math.max(a.bodyDescent, b.bodyDescent),
        }),
        flat,
      );
    case "group":
    case "fence":
      return extentOf(node.body);
    case "frac": {
      const above = height(extentOf(node.numerator));
      const below = height(extentOf(node.denominator));
      return { ascent: above, descent: below, bodyAscent: above, bodyDescent: below };
    }
    case "scripts": {
      const base = extentOf(node.base);
      const tall = base.bodyAscent + base.bodyDescent > 0;
      let { ascent, descent } = base;
      const primesOnly = node.sup?.items.every((item) => item.kind === "symbol" && item.name === "prime");
      if (node.sup && !primesOnly) {
        const lines = height(extentOf(node.sup));
        ascent = Math.max(ascent, tall ? base.bodyAscent + lines - 1 : lines);
      }
      if (node.sub) {
        const lines = height(extentOf(node.sub));
        descent = Math.max(descent, tall ? base.bodyDescent + lines - 1 : lines);
      }
      return { ...base, ascent, descent };
    }
    default:
      return flat;
  }
}

const alphanumerics = (text: string): string => [...text.replace(/[^A-Za-z0-9]/g, "")].sort().join("");
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

describe("LaTeX subset properties", () => {
  it("a well-formed tree printed as LaTeX parses back to the same tree", () => {
    fc.assert(
      fc.property(formula, (node) => {
        const source = latexSource(node);
        const parsed = parseLatex(source);
        if (!parsed.ok) throw new Error(`${source}: ${parsed.errors[0]!.message}`);
        expect(parsed.node).toEqual(node);
      }),
      { numRuns: 400 },
    );
  });

  it("lays out into lines of equal width, as many as the model's height", () => {
    fc.assert(
      fc.property(formula, fc.boolean(), (node, ascii) => {
        const lines = layoutFormula(node, { ascii, scriptCharacters: false });
        expect(lines.length).toBe(height(extentOf(node)));
        expect(new Set(lines.map(displayWidth)).size).toBe(1);
        const unicode = layoutFormula(node);
        expect(new Set(unicode.map(displayWidth)).size).toBe(1);
        expect(unicode.length).toBeLessThanOrEqual(lines.length);
      }),
      { numRuns: 400 },
    );
  });

  it("ASCII mode prints only printable ASCII, in 2-D, wrapped and linear form", () => {
    fc.assert(
      fc.property(formula, fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }), (node, maxWidth) => {
        for (const line of layoutFormula(node, { ascii: true, maxWidth })) expect(line).toMatch(PRINTABLE_ASCII);
        expect(linearFormula(node, { ascii: true })).toMatch(PRINTABLE_ASCII);
      }),
      { numRuns: 300 },
    );
  });

  it("never exceeds maxWidth and never drops a letter or digit, whether it breaks or wraps", () => {
    fc.assert(
      fc.property(formula, fc.integer({ min: 1, max: 40 }), fc.boolean(), (node, maxWidth, ascii) => {
        const lines = layoutFormula(node, { ascii, maxWidth });
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(maxWidth);
        expect(new Set(lines.map(displayWidth)).size).toBe(1);
        if (ascii) expect(alphanumerics(lines.join(""))).toBe(alphanumerics(linearFormula(node, { ascii })));
      }),
      { numRuns: 400 },
    );
  });

  const latexish = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          "\\frac",
          "\\dfrac",
          "{",
          "}",
          "^",
          "_",
          "\\left(",
          "\\right)",
          "\\left[",
          "\\right]",
          "\\left",
          "\\right",
          "(",
          ")",
          "[",
          "]",
          "\\sigma",
          "\\text{",
          "\\mathrm",
          "\\",
          "'",
          "-",
          "+",
          "=",
          " ",
          "x",
          "12",
          "0.5",
          ".",
          "\\int",
          "\\,",
          "σ",
          "😀",
          "\u0301",
        ),
        fc.string({ maxLength: 3, unit: "binary" }),
      ),
      { maxLength: 25 },
    )
    .map((parts) => parts.join(""));

  it("never throws on arbitrary input: a tree, or errors that point inside the source", () => {
    fc.assert(
      fc.property(latexish, (source) => {
        const result = parseLatex(source);
        if (result.ok) {
          expect(parseLatex(latexSource(result.node))).toEqual(result);
          expect(new Set(layoutFormula(result.node).map(displayWidth)).size).toBe(1);
          return;
        }
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) {
          expect(error.offset).toBeGreaterThanOrEqual(0);
          expect(error.length).toBeGreaterThanOrEqual(0);
          expect(error.offset + error.length).toBeLessThanOrEqual(source.length);
          if (source.length > 0) {
            expect(error.offset).toBeLessThan(source.length);
            expect(error.length).toBeGreaterThan(0);
          }
          expect(error.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("renderFormula never throws, keeps to maxWidth and to ASCII when asked, even for broken sources", () => {
    fc.assert(
      fc.property(latexish, fc.integer({ min: 2, max: 40 }), (source, maxWidth) => {
        for (const line of renderFormula(source, { maxWidth })) {
          expect(displayWidth(line)).toBeLessThanOrEqual(maxWidth);
        }
        for (const line of renderFormula(source, { maxWidth, ascii: true })) {
          expect(line).toMatch(PRINTABLE_ASCII);
          expect(line.length).toBeLessThanOrEqual(maxWidth);
        }
      }),
      { numRuns: 500 },
    );
  });
});
