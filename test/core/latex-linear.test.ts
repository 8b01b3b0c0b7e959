import { describe, expect, it } from "vitest";
import { codePointWidth, displayWidth, linearFormula, parseLatex } from "../../src/core/latex";

const tex = String.raw;

function linear(source: string, ascii = false): string {
  const result = parseLatex(source);
  if (!result.ok) throw new Error(`${source}: ${result.errors[0]!.message}`);
  return linearFormula(result.node, { ascii });
}

describe("linearFormula", () => {
  it("writes the derivative on one line, in Unicode and in ASCII", () => {
    const source = tex`\sigma'(x) = \frac{e^{-x}}{(1 + e^{-x})^2}`;
    expect(linear(source)).toBe("σ′(x) = e^(−x) / (1 + e^(−x))²");
    expect(linear(source, true)).toBe("sigma'(x) = e^(-x) / (1 + e^(-x))^2");
  });

  it("writes the course's other key formulas", () => {
    expect(linear(tex`\sigma(x) = \frac{1}{1 + e^{-x}}`)).toBe("σ(x) = 1 / (1 + e^(−x))");
    expect(linear(tex`\sigma(x) = (1 + e^{-x})^{-1}`)).toBe("σ(x) = (1 + e^(−x))^(−1)");
    expect(linear(tex`\frac{d}{du} u^{-1} = -u^{-2}`)).toBe("(d/du)u^(−1) = −u^(−2)");
    expect(linear(tex`\frac{1 + e^{-x} - 1}{(1 + e^{-x})^2} = \frac{1}{1 + e^{-x}} - \frac{1}{(1 + e^{-x})^2}`)).toBe(
      "(1 + e^(−x) − 1) / (1 + e^(−x))² = 1 / (1 + e^(−x)) − 1 / (1 + e^(−x))²",
    );
    expect(linear(tex`\sigma'(x) = \sigma(x)(1 - \sigma(x))`, true)).toBe("sigma'(x) = sigma(x)(1 - sigma(x))");
    expect(linear(tex`\mathrm{logit}(p) = \ln \frac{p}{1 - p}`)).toBe("logit(p) = ln(p / (1 − p))");
    expect(linear(tex`w_{new} = w - \eta \frac{\partial L}{\partial w}`)).toBe("w_new = w − η(∂L/∂w)");
    expect(linear(tex`w_{new} = w - \eta \frac{\partial L}{\partial w}`, true)).toBe("w_new = w - eta(dL/dw)");
  });

  it("brackets a compound numerator or denominator, but not a single factor or a differential", () => {
    expect(linear(tex`\frac{a + b}{c}`)).toBe("(a + b) / c");
    expect(linear(tex`\frac{a}{2b}`)).toBe("a/(2b)");
    expect(linear(tex`\frac{a}{-b}`)).toBe("a/(−b)");
    expect(linear(tex`\frac{\frac{a}{b}}{c}`)).toBe("(a/b)/c");
    expect(linear(tex`\frac{a}{\frac{b}{c}}`)).toBe("a/(b/c)");
    expect(linear(tex`\frac{d\sigma}{dx}`)).toBe("dσ/dx");
    expect(linear(tex`\frac{1}{2}`)).toBe("1/2");
  });

  it("brackets a fraction written next to another factor", () => {
    expect(linear(tex`\frac{1}{2}x`)).toBe("(1/2)x");
    expect(linear(tex`x \frac{1}{2}`)).toBe("x(1/2)");
    expect(linear(tex`a / \frac{b}{c}`)).toBe("a/(b/c)");
    expect(linear(tex`-\frac{1}{2} + 1`)).toBe("−1/2 + 1");
  });

  it("brackets an exponent of more than one atom and the base when it is a fraction", () => {
    expect(linear("e^{x}")).toBe("e^x");
    expect(linear("e^{2x}")).toBe("e^(2x)");
    expect(linear("x^{n+1}")).toBe("x^(n+1)");
    expect(linear(tex`\frac{a}{b}^2`)).toBe("(a/b)²");
    expect(linear("{a+b}^2", true)).toBe("(a + b)^2");
    expect(linear("x^{10}_0")).toBe("x₀¹⁰");
    expect(linear("x^{10}_0", true)).toBe("x_0^10");
    expect(linear(tex`x_{\alpha}`, true)).toBe("x_alpha");
    expect(linear(tex`f^{\prime}(x) = f'(x)`)).toBe("f′(x) = f′(x)");
  });

  it("keeps text, spacing and punctuation", () => {
    expect(linear(tex`\max(0, x) \quad \text{if } x > 0`)).toBe("max(0, x)  if x > 0");
    expect(linear(tex`\ln x + \exp(x) \cdot 2`, true)).toBe("ln x + exp(x) * 2");
  });
});

describe("displayWidth", () => {
  it("counts cells: wide CJK and fullwidth 2, combining marks and joiners 0, the rest 1", () => {
    expect(displayWidth("σ′(x) = ─")).toBe(9);
    expect(displayWidth("日本語")).toBe(6);
    expect(displayWidth("０．５")).toBe(6);
    expect(displayWidth("ｱｲ")).toBe(2); // halfwidth katakana
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("a\u200bb\u200dc")).toBe(3);
    expect(displayWidth("한")).toBe(2);
    expect(displayWidth("😀")).toBe(2);
    expect(displayWidth("")).toBe(0);
    expect(codePointWidth(0x1b)).toBe(0);
    expect(codePointWidth("⎛".codePointAt(0)!)).toBe(1);
  });
});
