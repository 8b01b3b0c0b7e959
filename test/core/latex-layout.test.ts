import { describe, expect, it } from "vitest";
import { displayWidth, type LayoutOptions, parseLatex, renderFormula, renderLinearFormula } from "../../src/core/latex";

const tex = String.raw;

/** Lays the formula out and checks the lines are of equal width; returns them without trailing spaces. */
function layout(source: string, options: LayoutOptions = {}): string[] {
  const lines = renderFormula(source, options);
  expect(parseLatex(source).ok, source).toBe(true);
  const widths = new Set(lines.map(displayWidth));
  expect(widths.size, `${source}: lines of different widths`).toBe(1);
  return lines.map((line) => line.trimEnd());
}

const ascii = { ascii: true } as const;

describe("layoutFormula: the course's key formulas (golden)", () => {
  it("σ's definition: a stacked fraction whose rule lies on the baseline of σ(x) =", () => {
    expect(layout(tex`\sigma(x) = \frac{1}{1 + e^{-x}}`)).toEqual([
      "           1", //
      "σ(x) = ─────────",
      "        1 + e⁻ˣ",
    ]);
    expect(layout(tex`\sigma(x) = \frac{1}{1 + e^{-x}}`, ascii)).toEqual([
      "               1",
      "sigma(x) = ---------",
      "                 -x",
      "            1 + e",
    ]);
  });

  it("step 1, the negative exponent", () => {
    expect(layout(tex`\sigma(x) = (1 + e^{-x})^{-1}`)).toEqual(["σ(x) = (1 + e⁻ˣ)⁻¹"]);
    expect(layout(tex`\sigma(x) = (1 + e^{-x})^{-1}`, ascii)).toEqual([
      "                 -x -1", //
      "sigma(x) = (1 + e  )",
    ]);
  });

  it("step 2, the outer derivative", () => {
    expect(layout(tex`\frac{d}{du} u^{-1} = -u^{-2}`)).toEqual([
      " d", //
      "──── u⁻¹ = −u⁻²",
      " du",
    ]);
    expect(layout(tex`\frac{d}{du} u^{-1} = -u^{-2}`, ascii)).toEqual([
      " d    -1     -2", //
      "---- u   = -u",
      " du",
    ]);
  });

  it("step 3, the product: an exponent inside the denominator", () => {
    expect(layout(tex`\sigma'(x) = \frac{e^{-x}}{(1 + e^{-x})^2}`)).toEqual([
      "            e⁻ˣ",
      "σ′(x) = ────────────",
      "         (1 + e⁻ˣ)²",
    ]);
    expect(layout(tex`\sigma'(x) = \frac{e^{-x}}{(1 + e^{-x})^2}`, ascii)).toEqual([
      "                 -x",
      "                e",
      "sigma'(x) = ------------",
      "                   -x 2",
      "             (1 + e  )",
    ]);
  });

  it("the +1 − 1 trick: three fractions on one baseline", () => {
    const source = tex`\frac{1 + e^{-x} - 1}{(1 + e^{-x})^2} = \frac{1}{1 + e^{-x}} - \frac{1}{(1 + e^{-x})^2}`;
    expect(layout(source)).toEqual([
      " 1 + e⁻ˣ − 1        1            1",
      "───────────── = ───────── − ────────────",
      " (1 + e⁻ˣ)²      1 + e⁻ˣ     (1 + e⁻ˣ)²",
    ]);
    expect(layout(source, ascii)).toEqual([
      "      -x",
      " 1 + e   - 1        1            1",
      "------------- = --------- - ------------",
      "       -x 2           -x           -x 2",
      " (1 + e  )       1 + e       (1 + e  )",
    ]);
  });

  it("the beautiful form stays on one line", () => {
    expect(layout(tex`\sigma'(x) = \sigma(x)(1 - \sigma(x))`)).toEqual(["σ′(x) = σ(x)(1 − σ(x))"]);
    expect(layout(tex`\sigma'(x) = \sigma(x)(1 - \sigma(x))`, ascii)).toEqual(["sigma'(x) = sigma(x)(1 - sigma(x))"]);
  });

  it("logit: a function name before a fraction", () => {
    expect(layout(tex`\mathrm{logit}(p) = \ln \frac{p}{1 - p}`)).toEqual([
      "                 p",
      "logit(p) = ln ───────",
      "               1 − p",
    ]);
    expect(layout(tex`\mathrm{logit}(p) = \ln \frac{p}{1 - p}`, ascii)).toEqual([
      "                 p",
      "logit(p) = ln -------",
      "               1 - p",
    ]);
  });

  it("the gradient-descent update: a lowered subscript and a partial derivative", () => {
    expect(layout(tex`w_{new} = w - \eta \frac{\partial L}{\partial w}`)).toEqual([
      "              ∂L",
      "w    = w − η ────",
      " new          ∂w",
    ]);
    expect(layout(tex`w_{new} = w - \eta \frac{\partial L}{\partial w}`, ascii)).toEqual([
      "                dL",
      "w    = w - eta ----",
      " new            dw",
    ]);
  });
});

describe("layoutFormula: details", () => {
  it("raises exponents on their own line when script characters are turned off", () => {
    expect(layout(tex`\sigma(x) = \frac{1}{1 + e^{-x}}`, { scriptCharacters: false })).toEqual([
      "           1",
      "σ(x) = ─────────",
      "             −x",
      "        1 + e",
    ]);
  });

  it("uses script characters only when every character has one", () => {
    expect(layout("x^{2n} + x_0 + x^{q}")).toEqual([
      "            q", //
      "x²ⁿ + x₀ + x",
    ]);
    expect(layout("e^{-x^2}")).toEqual([" −x²", "e"]);
    expect(layout("x_0^2")).toEqual(["x₀²"]);
  });

  it("grows brackets around a fraction, with the exponent at the top corner", () => {
    expect(layout(tex`\left(\frac{1}{1 + e^{-x}}\right)^2`)).toEqual([
      "⎛    1    ⎞²", //
      "⎜─────────⎟",
      "⎝ 1 + e⁻ˣ ⎠",
    ]);
    expect(layout(tex`\left(\frac{1}{2}\right)^{n+1} [\frac{a}{b}]`, ascii)).toEqual(["/ 1 \\n+1[ a ]", "|---|   [---]", "\\ 2 /   [ b ]"]);
  });

  it("centres the numerator and denominator over a rule one cell wider on each side", () => {
    expect(layout(tex`\frac{\frac{a}{b}}{c + d}`)).toEqual([
      "   a", //
      "  ───",
      "   b",
      "───────",
      " c + d",
    ]);
  });

  it("spells every operator in Unicode and in ASCII", () => {
    const source = tex`a \cdot b \times c \approx d \to e \Rightarrow f \leq g \geq h \neq \infty, \partial \alpha \theta \delta \eta \prime`;
    expect(layout(source)).toEqual(["a · b × c ≈ d → e ⇒ f ≤ g ≥ h ≠ ∞, ∂αθδη′"]);
    expect(layout(source, ascii)).toEqual(["a * b x c ~= d -> e => f <= g >= h != inf, d alpha theta delta eta'"]);
  });

  it("keeps ASCII Greek names apart from neighbouring letters", () => {
    expect(layout(tex`2\sigma x + \alpha\eta`, ascii)).toEqual(["2 sigma x + alpha eta"]);
  });

  it("keeps the spaces of \\text and writes spacing commands as spaces", () => {
    expect(layout(tex`x \quad \text{for all } x\,y`)).toEqual(["x  for all x y"]);
  });

  it("a minus is U+2212 in Unicode, a plain hyphen in ASCII; a leading sign hugs its operand", () => {
    expect(layout("-x - -1")).toEqual(["−x − −1"]);
    expect(layout("-x - -1", ascii)).toEqual(["-x - -1"]);
  });
});

describe("layoutFormula: narrow terminals", () => {
  const trick = tex`\frac{1 + e^{-x} - 1}{(1 + e^{-x})^2} = \frac{1}{1 + e^{-x}} - \frac{1}{(1 + e^{-x})^2}`;

  it("breaks before the relation and keeps each piece in 2-D when that fits", () => {
    expect(layout(trick, { maxWidth: 30 })).toEqual([
      " 1 + e⁻ˣ − 1",
      "─────────────",
      " (1 + e⁻ˣ)²",
      "",
      "        1            1",
      "  = ───────── − ────────────",
      "     1 + e⁻ˣ     (1 + e⁻ˣ)²",
    ]);
  });

  it("breaks before + and − too when a side is still too wide", () => {
    expect(layout(trick, { maxWidth: 16 })).toEqual([
      " 1 + e⁻ˣ − 1",
      "─────────────",
      " (1 + e⁻ˣ)²",
      "",
      "        1",
      "  = ─────────",
      "     1 + e⁻ˣ",
      "",
      "         1",
      "  − ────────────",
      "     (1 + e⁻ˣ)²",
    ]);
  });

  it("falls back to the linear form, wrapped before operators, when no 2-D piece fits", () => {
    expect(layout(trick, { maxWidth: 12 })).toEqual([
      "(1 + e^(−x)",
      "− 1) / (1",
      "+ e^(−x))²",
      "= 1 / (1",
      "+ e^(−x))",
      "− 1 / (1",
      "+ e^(−x))²",
    ]);
    expect(layout(tex`\sigma(x) = \frac{1}{1 + e^{-x}}`, { ascii: true, maxWidth: 10 })).toEqual(["sigma(x)", "= 1 / (1", "+ e^(-x))"]);
  });

  it("cuts anywhere only as a last resort, and never loses a character", () => {
    const lines = layout(tex`\mathrm{logistic}(x)`, { maxWidth: 4 });
    expect(lines).toEqual(["logi", "stic", "(x)"]);
  });

  it("leaves a layout that fits alone", () => {
    expect(layout(tex`\sigma(x) = \frac{1}{1 + e^{-x}}`, { maxWidth: 16 })).toEqual(layout(tex`\sigma(x) = \frac{1}{1 + e^{-x}}`));
  });
});

describe("renderFormula", () => {
  it("shows a source outside the subset as written, cut to the width", () => {
    expect(renderFormula(tex`\int_0^1 x\,dx`)).toEqual([tex`\int_0^1 x\,dx`]);
    expect(renderFormula(tex`\int_0^1 x`, { maxWidth: 5 })).toEqual([tex`\int_`, "0^1 x"]);
    expect(renderFormula("σ(x) =\n\t1", { ascii: true })).toEqual(["?(x) = 1"]);
  });

  it("renderLinearFormula writes the linear form, or the source when it is outside the subset", () => {
    expect(renderLinearFormula(tex`\sigma(x) = \frac{1}{1 + e^{-x}}`, { ascii: true })).toBe("sigma(x) = 1 / (1 + e^(-x))");
    expect(renderLinearFormula(tex`\int x`)).toBe(tex`\int x`);
  });
});
