import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvField, parseCsv, toCsv } from "../../src/progress/csv";

describe("CSV (RFC 4180)", () => {
  it("quotes fields with commas, quotes, and line breaks, doubling quotes", () => {
    expect(csvField("0,5")).toBe('"0,5"');
    expect(csvField('say "0.5"')).toBe('"say ""0.5"""');
    expect(csvField("a\nb")).toBe('"a\nb"');
    expect(csvField("０．８８１")).toBe("０．８８１");
    expect(csvField(null)).toBe("");
    expect(toCsv(["a", "b"], [[1, "x,y"]])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  it("reads back exactly what was written, whatever a learner typed", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        expect(parseCsv(toCsv(["answer", "note"], rows))).toEqual([["answer", "note"], ...rows]);
      }),
    );
  });
});
