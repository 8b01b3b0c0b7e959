// The characters an answer may not carry into the database: NUL and half a surrogate pair.
// PostgreSQL refuses both in text and jsonb, and one refused answer in a batch would otherwise
// cost the statement that stores the others.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unstorableAt } from "../../src/server/request-checks";

describe("unstorableAt", () => {
  it("finds nothing in a well-formed string without NUL, and the first offending index otherwise", () => {
    const unit = fc.constantFrom("\u0000", "\ud800", "\udfff", "😀", "σ", "0", ".", "a");
    fc.assert(
      fc.property(fc.string({ unit }), (text) => {
        // In a u-mode pattern a whole pair is one code point: \p{Cs} matches only a lone half.
        const storable = (t: string) => !t.includes("\u0000") && !/\p{Cs}/u.test(t);
        const at = unstorableAt(text);
        if (storable(text)) expect(at).toBeNull();
        else {
          expect(at).not.toBeNull();
          expect(storable(text.slice(0, at!))).toBe(true);
          const code = text.charCodeAt(at!);
          expect(code === 0 || (code >= 0xd800 && code <= 0xdfff)).toBe(true);
        }
      }),
    );
  });

  it("says where: a pair is fine, a lone half is not", () => {
    expect(unstorableAt("0.731")).toBeNull();
    expect(unstorableAt("σ(2) ≈ 0.881 😀")).toBeNull();
    expect(unstorableAt("0.5\u0000")).toBe(3);
    expect(unstorableAt("0.\ud8005")).toBe(2);
    expect(unstorableAt("\udc00😀")).toBe(0);
  });
});
