// A problem inside a string (a formula's bad command, a placeholder) is reported at the
// character the author typed, whatever the YAML quoting style.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument, Scalar } from "yaml";
import { sourceOffsetInScalar } from "../../src/content/scalar-offsets";

/** The offset in `yaml` of character `index` of the value of key `f`, and the text there. */
function locate(yaml: string, index: number): { offset: number; line: number; col: number } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter });
  const node = doc.get("f", true);
  if (!(node instanceof Scalar)) throw new Error("no scalar f");
  const offset = sourceOffsetInScalar(yaml, node, index);
  return { offset, ...lineCounter.linePos(offset) };
}

describe("sourceOffsetInScalar", () => {
  it("maps plain and single-quoted scalars directly, with '' as one quote", () => {
    expect(locate("f: a \\foo b\n", 2).offset).toBe(5);
    expect(locate("f: '\\sigma \\foo'\n", 7).offset).toBe(11);
    // it''s \foo: the value is "it's \foo"; \ is value index 5, source offset 4 + 6.
    expect(locate("f: 'it''s \\foo'\n", 5).offset).toBe(10);
  });

  it("maps double-quoted scalars through escapes to the backslash of the escape", () => {
    // "\\frac \\foo": the value \frac \foo; \foo starts at value index 6, source offset 4 + 7.
    expect(locate('f: "\\\\frac \\\\foo"\n', 6).offset).toBe(11);
    // \u00e9 is one value character (é); the x after it is value index 1, source 4 + 6.
    expect(locate('f: "\\u00e9x"\n', 1).offset).toBe(10);
    expect(locate('f: "\\u00e9x"\n', 0).offset).toBe(4);
  });

  it("follows the lines of literal and folded block scalars", () => {
    const literal = "f: |\n  first\n  x \\foo\n";
    // value "first\nx \foo\n": \foo at index 8 is on line 3, column 5.
    expect(locate(literal, 8)).toMatchObject({ line: 3, col: 5 });
    const folded = "f: >\n  one\n  two {bad\n";
    // value "one two {bad\n": { at index 8 → line 3, column 7.
    expect(locate(folded, 8)).toMatchObject({ line: 3, col: 7 });
  });

  it("follows folded multi-line plain and quoted scalars", () => {
    expect(locate("f: one\n  two {x\n", 8)).toMatchObject({ line: 2, col: 7 });
    expect(locate("f: 'one\n  two {x'\n", 8)).toMatchObject({ line: 2, col: 7 });
  });

  it("points just after the last character for a problem at the end of the value", () => {
    // value \frac{1} has 8 characters; index 8 is the closing quote at offset 12.
    expect(locate("f: '\\frac{1}'\n", 8).offset).toBe(12);
  });

  it("maps every character of a single-line single-quoted scalar exactly", () => {
    const safe = fc.string({ unit: fc.constantFrom(..."ab \\{}^_()σ'xé一"), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(safe, fc.nat(), (value, pick) => {
        const quoted = `'${value.replaceAll("'", "''")}'`;
        const yaml = `f: ${quoted}\n`;
        const index = pick % value.length;
        const offset = locate(yaml, index).offset;
        // The source character there is the value's character (a '' pair starts with ').
        expect(yaml[offset]).toBe(value[index]);
        // And it is the index-th character once '' pairs are counted as one.
        expect(yaml.slice(4, offset).replaceAll("''", "'").length).toBe(index);
      }),
    );
  });

  it("maps every character of a double-quoted scalar with escaped backslashes and quotes", () => {
    const safe = fc.string({ unit: fc.constantFrom(...'ab \\"{}x一'), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(safe, fc.nat(), (value, pick) => {
        const yaml = `f: ${JSON.stringify(value)}\n`;
        const index = pick % value.length;
        const offset = locate(yaml, index).offset;
        const decoded = JSON.parse(`"${yaml.slice(4, offset)}"`) as string;
        expect(decoded.length).toBe(index);
      }),
    );
  });
});
