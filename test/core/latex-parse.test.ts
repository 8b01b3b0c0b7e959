import { describe, expect, it } from "vitest";
import { type LatexError, type LatexNode, parseLatex } from "../../src/core/latex";

const tex = String.raw;

function errorsOf(source: string): LatexError[] {
  const result = parseLatex(source);
  if (result.ok) throw new Error(`expected errors for ${source}`);
  return result.errors;
}

function nodeOf(source: string): LatexNode {
  const result = parseLatex(source);
  if (!result.ok) throw new Error(`${source}: ${result.errors.map((error) => error.message).join("; ")}`);
  return result.node;
}

/** The source text an error points at. */
function pointedAt(source: string, error: LatexError): string {
  return source.slice(error.offset, error.offset + error.length);
}

describe("parseLatex accepts the subset", () => {
  it("parses every formula of the course", () => {
    for (const source of [
      tex`\sigma(x) = \frac{1}{1 + e^{-x}}`,
      tex`\sigma(x) = (1 + e^{-x})^{-1}`,
      tex`\frac{d}{du} u^{-1} = -u^{-2} = -(1 + e^{-x})^{-2}`,
      tex`\sigma'(x) = \frac{e^{-x}}{(1 + e^{-x})^2}`,
      tex`\mathrm{logit}(p) = \ln \frac{p}{1 - p}`,
      tex`w_{new} = w - \eta \frac{\partial L}{\partial w}`,
      tex`\sigma'(x) \leq \frac{1}{4}, \quad \sigma(0) \approx 0.5 \Rightarrow x \to \infty`,
      tex`\left( \dfrac{a}{b} \right] \cdot \alpha \times \theta \neq \delta \geq \exp x * \log y / \max |z| < \min [a, b]`,
      tex`\text{if } x > 0\, y\; z \prime`,
    ]) {
      expect(parseLatex(source).ok, source).toBe(true);
    }
  });

  it("builds the tree of the sigmoid's definition", () => {
    expect(nodeOf(tex`\sigma(x) = \frac{1}{1 + e^{-x}}`)).toEqual({
      kind: "row",
      items: [
        { kind: "greek", name: "sigma" },
        { kind: "fence", open: "(", close: ")", sized: false, body: { kind: "row", items: [{ kind: "variable", name: "x" }] } },
        { kind: "operator", op: "=" },
        {
          kind: "frac",
          display: false,
          numerator: { kind: "row", items: [{ kind: "number", text: "1" }] },
          denominator: {
            kind: "row",
            items: [
              { kind: "number", text: "1" },
              { kind: "operator", op: "+" },
              {
                kind: "scripts",
                base: { kind: "variable", name: "e" },
                sup: {
                  kind: "row",
                  items: [
                    { kind: "operator", op: "-" },
                    { kind: "variable", name: "x" },
                  ],
                },
              },
            ],
          },
        },
      ],
    });
  });

  it("ignores whitespace outside \\text and keeps single spaces inside it", () => {
    expect(nodeOf(tex`\frac { 1 } { 2 } + x ^ 2`)).toEqual(nodeOf(tex`\frac{1}{2}+x^2`));
    expect(nodeOf(tex`\text{ if   x }`)).toEqual({ kind: "row", items: [{ kind: "text", style: "text", text: " if x " }] });
    expect(nodeOf(tex`\mathrm{lo git}`)).toEqual({ kind: "row", items: [{ kind: "text", style: "mathrm", text: "logit" }] });
  });

  it("pairs brackets within a group and keeps unpaired ones literal, as in (0, 1]", () => {
    const interval = nodeOf("(0, 1]");
    expect(interval.kind === "row" && interval.items.map((item) => item.kind)).toEqual([
      "delimiter",
      "number",
      "operator",
      "number",
      "delimiter",
    ]);
    const nested = nodeOf("((a)b)");
    expect(nested.kind === "row" && nested.items).toHaveLength(1);
  });

  it("reads a number with its decimal part and a single-character script without braces", () => {
    expect(nodeOf("0.25x^2")).toEqual({
      kind: "row",
      items: [
        { kind: "number", text: "0.25" },
        {
          kind: "scripts",
          base: { kind: "variable", name: "x" },
          sup: { kind: "row", items: [{ kind: "number", text: "2" }] },
        },
      ],
    });
  });
});

describe("parseLatex reports what is outside the subset, and where", () => {
  it("an unknown command, pointing at the whole command", () => {
    const source = tex`\sigma + \int x`;
    const [error] = errorsOf(source);
    expect(error).toMatchObject({ offset: 9, length: 4 });
    expect(error!.message).toBe(tex`\int is not in the supported subset (see docs/content-format.md: Formulas)`);
  });

  it("every unknown command, not only the first", () => {
    const source = tex`\int x + \sum_{i} y + \lambda`;
    const errors = errorsOf(source);
    expect(errors.map((error) => pointedAt(source, error))).toEqual([tex`\int`, tex`\sum`, tex`\lambda`]);
  });

  it("a command with a spelling in the subset names it", () => {
    const [error] = errorsOf(tex`x \le 1`);
    expect(error).toMatchObject({ offset: 2, length: 3 });
    expect(error!.message).toMatch(/write \\leq/);
  });

  it("a character outside the subset, with the command to write instead", () => {
    const source = "σ(x) − 1";
    const errors = errorsOf(source);
    expect(errors.map((error) => [error.offset, error.length])).toEqual([
      [0, 1],
      [5, 1],
    ]);
    expect(errors[0]!.message).toMatch(/write \\sigma/);
    expect(errors[1]!.message).toMatch(/write -/);
    expect(errorsOf("a & b")[0]).toMatchObject({ offset: 2, length: 1 });
  });

  it("a character outside the Basic Multilingual Plane counts as two code units", () => {
    const source = "x + 😀";
    const [error] = errorsOf(source);
    expect(error).toMatchObject({ offset: 4, length: 2 });
    expect(pointedAt(source, error!)).toBe("😀");
  });

  it("an unbalanced closing brace", () => {
    const [error] = errorsOf("a}b");
    expect(error).toMatchObject({ offset: 1, length: 1 });
    expect(error!.message).toMatch(/closes nothing/);
  });

  it("an opening brace that is never closed, pointing at the brace", () => {
    const [error] = errorsOf(tex`\frac{1}{2`);
    expect(error).toMatchObject({ offset: 8, length: 1 });
    expect(error!.message).toMatch(/never closed/);
    expect(errorsOf("{a + {b}")[0]).toMatchObject({ offset: 0, length: 1 });
  });

  it("a lone ^ or _, with nothing after or before it", () => {
    expect(errorsOf("x^")[0]).toMatchObject({ offset: 1, length: 1 });
    expect(errorsOf("x^")[0]!.message).toMatch(/nothing after it/);
    expect(errorsOf("{x_}")[0]).toMatchObject({ offset: 2, length: 1 });
    expect(errorsOf("^2")[0]).toMatchObject({ offset: 0, length: 1 });
    expect(errorsOf("^2")[0]!.message).toMatch(/nothing to attach to/);
    expect(errorsOf("a = ^2")[0]).toMatchObject({ offset: 4, length: 1 });
  });

  it("a script longer than one character without braces", () => {
    const minus = errorsOf("e^-x");
    expect(minus).toHaveLength(1);
    expect(minus[0]).toMatchObject({ offset: 1, length: 1 });
    expect(minus[0]!.message).toMatch(/\^\{\.\.\.\}/);
    const digits = errorsOf("x^23");
    expect(digits[0]).toMatchObject({ offset: 2, length: 2 });
    expect(digits[0]!.message).toMatch(/\^\{23\}/);
  });

  it("a double superscript", () => {
    const [error] = errorsOf("x^2^3");
    expect(error).toMatchObject({ offset: 3, length: 1 });
    expect(error!.message).toMatch(/double superscript/);
  });

  it("\\frac with a missing argument, pointing where the brace should be", () => {
    expect(errorsOf(tex`\frac{1}`)[0]).toMatchObject({ offset: 0, length: 5 });
    expect(errorsOf(tex`\frac{1}`)[0]!.message).toMatch(/denominator in braces/);
    expect(errorsOf(tex`\frac{1} + 2`)[0]).toMatchObject({ offset: 9, length: 1 });
    const shorthand = errorsOf(tex`\frac12`);
    expect(shorthand).toHaveLength(1);
    expect(shorthand[0]).toMatchObject({ offset: 5, length: 2 });
    expect(shorthand[0]!.message).toMatch(/numerator in braces/);
    expect(errorsOf(tex`\dfrac`)[0]).toMatchObject({ offset: 0, length: 6 });
  });

  it("\\frac with an empty part, pointing at the braces", () => {
    const [error] = errorsOf(tex`\frac{1}{ }`);
    expect(error).toMatchObject({ offset: 8, length: 3 });
    expect(error!.message).toMatch(/denominator of \\frac is empty/);
  });

  it("an unpaired \\left or \\right", () => {
    const left = errorsOf(tex`\left( x`);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ offset: 0, length: 6 });
    expect(left[0]!.message).toMatch(/no matching \\right\)/);
    expect(errorsOf(tex`x \right)`)[0]).toMatchObject({ offset: 2, length: 7 });
    // A group closes before the \right: the pair straddles braces, which TeX rejects too.
    const straddle = tex`{\left( x }\right)`;
    expect(errorsOf(straddle).map((error) => pointedAt(straddle, error))).toEqual([tex`\left(`, tex`\right)`]);
  });

  it("\\left with a delimiter other than ( or [", () => {
    const source = tex`\left| x \right|`;
    const errors = errorsOf(source);
    expect(errors.map((error) => pointedAt(source, error))).toEqual([tex`\left`, tex`\right`]);
    expect(errors[0]!.message).toMatch(/followed by \( or \[/);
  });

  it("text commands: missing braces, a backslash inside, an unclosed brace, emptiness", () => {
    expect(errorsOf(tex`\text x`)[0]).toMatchObject({ offset: 0, length: 5 });
    expect(errorsOf(tex`\text{a \b}`)[0]).toMatchObject({ offset: 8, length: 1 });
    expect(errorsOf(tex`\text{ab`)[0]).toMatchObject({ offset: 5, length: 1 });
    expect(errorsOf(tex`\mathrm{}`)[0]).toMatchObject({ offset: 0, length: 9 });
  });

  it("a backslash at the very end and an empty formula", () => {
    expect(errorsOf("x + \\")[0]).toMatchObject({ offset: 4, length: 1 });
    expect(errorsOf("")[0]).toMatchObject({ offset: 0, length: 0, message: "the formula is empty" });
    expect(errorsOf("  \t")[0]).toMatchObject({ offset: 0, length: 3 });
  });

  it("refuses absurd nesting instead of overflowing the stack", () => {
    const deep = `${"{".repeat(20_000)}x${"}".repeat(20_000)}`;
    const errors = errorsOf(deep);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ offset: 64, length: 1 });
    expect(errors[0]!.message).toMatch(/nested more than 64 levels/);
    expect(parseLatex(`${"{".repeat(60)}x${"}".repeat(60)}`).ok).toBe(true);
  });

  it("lists errors in source order without repeating one", () => {
    const source = tex`\int x } + \frac{1}{ + y^`;
    const errors = errorsOf(source);
    const offsets = errors.map((error) => error.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(new Set(errors.map((error) => `${error.offset}:${error.message}`)).size).toBe(errors.length);
    expect(errors.length).toBeGreaterThanOrEqual(3);
  });
});
