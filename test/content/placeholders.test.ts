import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePlaceholders, placeholdersOf, renderPlaceholders } from "../../src/content/placeholders";
import { didYouMean, editDistance, nearest } from "../../src/content/suggest";

describe("placeholders", () => {
  it("finds {name} and {name:N} with their positions", () => {
    expect(placeholdersOf("x = {x}, e^(−x) = {e_neg_x:4}").placeholders).toEqual([
      { name: "x", digits: null, index: 4 },
      { name: "e_neg_x", digits: 4, index: 18 },
    ]);
  });

  it("reads {{ and }} as literal braces", () => {
    expect(renderPlaceholders("{{a}} {x}", (name) => `<${name}>`)).toBe("{a} <x>");
    expect(placeholdersOf("e^{{-x}}").placeholders).toEqual([]);
    expect(placeholdersOf("e^{{-x}}").errors).toEqual([]);
  });

  it("reports malformed braces where they are", () => {
    expect(parsePlaceholders("a } b").errors).toEqual([{ index: 2, message: 'a lone "}"; write "}}" for a literal brace' }]);
    expect(parsePlaceholders("e^{-x}").errors.map((e) => e.index)).toEqual([2]);
    expect(parsePlaceholders("x {y").errors.map((e) => e.index)).toEqual([2]);
    expect(parsePlaceholders("{x:0}").errors[0]?.message).toMatch(/expected 1 to 15/);
  });

  it("renders text without placeholders unchanged (after unescaping braces)", () => {
    const plain = fc.string({ unit: fc.constantFrom(..."ab σ′(x)=0.5 です。") });
    fc.assert(fc.property(plain, (text) => renderPlaceholders(text, () => "!") === text));
  });

  it("renders every placeholder it finds, and nothing else", () => {
    const piece = fc.oneof(fc.constantFrom("{x}", "{e_neg_x:4}", "{{", "}}"), fc.string({ unit: fc.constantFrom(..."ab σ.") }));
    fc.assert(
      fc.property(fc.array(piece), (pieces) => {
        const text = pieces.join("");
        const { placeholders, errors } = placeholdersOf(text);
        expect(errors).toEqual([]);
        const rendered = renderPlaceholders(text, () => "\u0000");
        expect([...rendered].filter((c) => c === "\u0000").length).toBe(placeholders.length);
      }),
    );
  });
});

describe("suggestions", () => {
  it("counts edits, with a swap of neighbours as one", () => {
    expect(editDistance("promt", "prompt")).toBe(1);
    expect(editDistance("titel", "title")).toBe(1);
    expect(editDistance("abc", "abc")).toBe(0);
  });

  it("suggests only plausible typos", () => {
    expect(nearest("promt", ["prompt", "params", "parts"])).toBe("prompt");
    expect(nearest("sigmoid-valeu", ["sigmoid-value", "derivative-value"])).toBe("sigmoid-value");
    expect(nearest("zzz", ["prompt", "hints"])).toBeNull();
    expect(didYouMean("hint", ["hints"])).toBe('; did you mean "hints"?');
    expect(didYouMean("qqqq", ["hints"])).toBe("");
  });
});
