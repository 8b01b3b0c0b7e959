// The one `{name}` filler and the English plural rule every text goes through.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { englishCount, englishNoun, fillBoth, fillIn } from "../../src/core/i18n";

describe("fillIn", () => {
  it("fills known names, keeps unknown ones as written, and takes each language's side of a two-language value", () => {
    const noun = { ja: "", en: "learners" };
    expect(fillIn("{n} {noun}, {missing}", "en", { n: 2, noun })).toBe("2 learners, {missing}");
    expect(fillBoth({ ja: "{n} 人{noun}", en: "{n} {noun}" }, { n: 2, noun })).toEqual({ ja: "2 人", en: "2 learners" });
  });

  it("puts a value in as it is, even with $ patterns or braces, and never looks names up on the prototype", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(fillIn("[{name}]", "en", { name: value })).toBe(`[${value}]`);
      }),
    );
    expect(fillIn("{toString} {constructor}", "en", {})).toBe("{toString} {constructor}");
  });
});

describe("englishNoun", () => {
  it("is singular for exactly one and plural otherwise", () => {
    expect(englishCount(1, "file", "files")).toBe("1 file");
    for (const n of [0, 2, 21, 1.5]) expect(englishNoun(n, "file", "files")).toBe("files");
  });
});
