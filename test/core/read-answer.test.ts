import { describe, expect, it } from "vitest";
import { formatShortest, formatSignificant, jsonNumber } from "../../src/core/number-format";
import { type ReadErrorCode, readAnswer } from "../../src/core/read-answer";

function ok(input: string) {
  const read = readAnswer(input);
  if (!read.ok) throw new Error(`expected ${JSON.stringify(input)} to be read, got ${read.code} at ${read.position}`);
  return read;
}

function refused(input: string) {
  const read = readAnswer(input);
  if (read.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused, read as ${read.readAs}`);
  return read;
}

describe("readAnswer accepts the forms learners type", () => {
  // input, value, significant figures, readAs
  const cases: [string, number, number, string][] = [
    ["0.105", 0.105, 3, "0.105"],
    ["+0.105", 0.105, 3, "0.105"],
    ["-0.105", -0.105, 3, "-0.105"],
    [".5", 0.5, 1, "0.5"],
    ["5.", 5, 1, "5"],
    ["0.250", 0.25, 3, "0.250"],
    ["0.25", 0.25, 2, "0.25"],
    ["007", 7, 1, "7"],
    ["100", 100, 1, "100"],
    ["100.", 100, 3, "100"],
    ["0", 0, 1, "0"],
    ["0.000", 0, 1, "0.000"],
    ["1e-3", 0.001, 1, "1×10^-3"],
    ["1E-3", 0.001, 1, "1×10^-3"],
    ["2.5e-1", 0.25, 2, "2.5×10^-1"],
    ["1.50e+2", 150, 3, "1.50×10^2"],
    ["1e-003", 0.001, 1, "1×10^-3"],
    ["1×10^-3", 0.001, 1, "1×10^-3"],
    ["1x10^-3", 0.001, 1, "1×10^-3"],
    ["1X10^-3", 0.001, 1, "1×10^-3"],
    ["1*10^-3", 0.001, 1, "1×10^-3"],
    ["1·10^-3", 0.001, 1, "1×10^-3"],
    ["1.5 × 10 ^ -3", 0.0015, 2, "1.5×10^-3"],
    ["1.5×10^(−3)", 0.0015, 2, "1.5×10^-3"],
    ["1.5×10⁻³", 0.0015, 2, "1.5×10^-3"],
    ["1.5*10**-3", 0.0015, 2, "1.5×10^-3"],
    ["10^-3", 0.001, 1, "10^-3"],
    ["10**-3", 0.001, 1, "10^-3"],
    ["10⁻³", 0.001, 1, "10^-3"],
    ["-10^2", -100, 1, "-10^2"],
    ["1/4", 0.25, Number.POSITIVE_INFINITY, "1/4"],
    ["−1/4", -0.25, Number.POSITIVE_INFINITY, "-1/4"],
    ["1/-4", -0.25, Number.POSITIVE_INFINITY, "1/-4"],
    ["1 / 4", 0.25, Number.POSITIVE_INFINITY, "1/4"],
    ["0.5/2", 0.25, 1, "0.5/2"],
    ["1÷4", 0.25, Number.POSITIVE_INFINITY, "1/4"],
    ["½", 0.5, Number.POSITIVE_INFINITY, "1/2"],
    ["−¼", -0.25, Number.POSITIVE_INFINITY, "-1/4"],
    // Unicode minus and dash look-alikes
    ["\u22120.25", -0.25, 2, "-0.25"],
    ["\u20100.25", -0.25, 2, "-0.25"],
    ["\u20110.25", -0.25, 2, "-0.25"],
    ["\u20120.25", -0.25, 2, "-0.25"],
    ["\u20130.25", -0.25, 2, "-0.25"],
    ["\u20140.25", -0.25, 2, "-0.25"],
    ["\ufe630.25", -0.25, 2, "-0.25"],
    ["1e\u22123", 0.001, 1, "1×10^-3"],
    // full-width forms from Japanese input methods
    ["０．５", 0.5, 1, "0.5"],
    ["－０．２５", -0.25, 2, "-0.25"],
    ["１／４", 0.25, Number.POSITIVE_INFINITY, "1/4"],
    ["１ｅ－３", 0.001, 1, "1×10^-3"],
    ["１．５×１０＾－３", 0.0015, 2, "1.5×10^-3"],
    ["０。５", 0.5, 1, "0.5"],
    // invisible characters and odd spaces
    ["\u200b0.5", 0.5, 1, "0.5"],
    ["0.\u200d5", 0.5, 1, "0.5"],
    ["\ufeff0.5\u00ad", 0.5, 1, "0.5"],
    ["\u200e0.5\u200f", 0.5, 1, "0.5"],
    ["\u00a00.5\u2009", 0.5, 1, "0.5"],
    ["\u30000.5\u3000", 0.5, 1, "0.5"],
    ["  0.5\t\n", 0.5, 1, "0.5"],
    ["- 0.5", -0.5, 1, "-0.5"],
    // an unambiguous decimal comma
    ["0,105", 0.105, 3, "0.105"],
    [",5", 0.5, 1, "0.5"],
    ["1,5", 1.5, 2, "1.5"],
    ["1,2345", 1.2345, 5, "1.2345"],
    ["0,500", 0.5, 3, "0.500"],
    ["1,5e-3", 0.0015, 2, "1.5×10^-3"],
    ["０，１０５", 0.105, 3, "0.105"],
  ];
  it.each(cases)("%j is %d with %d significant figures, read as %j", (input, value, figures, readAs) => {
    const read = ok(input);
    expect(read.value).toBe(value);
    expect(read.sigFigs).toBe(figures);
    expect(read.readAs).toBe(readAs);
  });

  it("marks fractions of whole numbers as exact, and nothing else", () => {
    expect(ok("1/4").exact).toBe(true);
    expect(ok("½").exact).toBe(true);
    expect(ok("0.5/2").exact).toBe(false);
    expect(ok("1").exact).toBe(false);
    expect(ok("0.25").exact).toBe(false);
    expect(ok("1e0").exact).toBe(false);
  });

  it("names the form it read", () => {
    expect(ok("0.5").form).toBe("decimal");
    expect(ok("5e-1").form).toBe("scientific");
    expect(ok("10^-1").form).toBe("power");
    expect(ok("1/2").form).toBe("fraction");
  });

  it("keeps tiny and huge values that are still finite", () => {
    expect(ok("5e-324").value).toBe(5e-324);
    expect(ok("1.7976931348623157e308").value).toBe(Number.MAX_VALUE);
    expect(ok("0e99999").value).toBe(0);
    expect(ok("0×10^-99999").value).toBe(0);
  });

  it("accepts an answer of exactly 200 characters", () => {
    const answer = `0.${"1".repeat(198)}`;
    expect([...answer]).toHaveLength(200);
    expect(ok(answer).sigFigs).toBe(198);
  });
});

describe("readAnswer refuses what it cannot read for certain, with the position", () => {
  // input, code, 1-based position in the input as typed (code points)
  const cases: [string, ReadErrorCode, number][] = [
    ["", "empty", 1],
    ["   ", "empty", 1],
    ["\u200b\u200d", "empty", 1],
    ["abc", "letters", 1],
    ["0.5abc", "letters", 4],
    ["0.5 a", "letters", 5],
    ["x", "letters", 1],
    ["2x", "letters", 2],
    ["e", "letters", 1],
    ["e-3", "letters", 1],
    ["1em", "letters", 2],
    ["σ(2)", "letters", 1],
    ["０．５ａ", "letters", 4],
    ["\u22120.5é", "letters", 5],
    ["1×2", "power-of-ten-only", 3],
    ["NaN", "not-a-number", 1],
    ["nan", "not-a-number", 1],
    ["Infinity", "not-a-number", 1],
    ["-Infinity", "not-a-number", 2],
    ["inf", "not-a-number", 1],
    ["∞", "not-a-number", 1],
    ["−∞", "not-a-number", 2],
    ["1/∞", "not-a-number", 3],
    ["1e400", "overflow", 2],
    ["1.5×10^400", "overflow", 4],
    ["10^309", "overflow", 3],
    ["-1e999", "overflow", 3],
    ["1e-400", "too-small", 2],
    ["10^-400", "too-small", 3],
    ["1/0", "division-by-zero", 3],
    ["1/0.000", "division-by-zero", 3],
    ["1 / 0", "division-by-zero", 5],
    ["--1", "misplaced-sign", 2],
    ["+-1", "misplaced-sign", 2],
    ["−−0.5", "misplaced-sign", 2],
    ["1-", "misplaced-sign", 2],
    ["1-2", "misplaced-sign", 2],
    ["1e--3", "misplaced-sign", 4],
    ["1/--4", "misplaced-sign", 4],
    ["1.2.3", "extra-point", 4],
    ["1..2", "extra-point", 3],
    ["1,234", "ambiguous-separator", 2],
    ["-12,345", "ambiguous-separator", 4],
    ["1,234e-3", "ambiguous-separator", 2],
    ["1,234,567", "digit-grouping", 2],
    ["1,234.5", "mixed-separators", 6],
    ["1.234,5", "mixed-separators", 6],
    ["1 234", "space-in-number", 2],
    ["0.1 05", "space-in-number", 4],
    ["1e-3 5", "space-in-number", 5],
    [".", "missing-digits", 1],
    ["-", "missing-digits", 2],
    ["+", "missing-digits", 2],
    ["1/", "missing-digits", 3],
    ["/4", "unexpected-character", 1],
    ["1e", "missing-exponent", 3],
    ["1e-", "missing-exponent", 4],
    ["1×10", "missing-exponent", 5],
    ["1×10-3", "missing-exponent", 5],
    ["10^", "missing-exponent", 4],
    ["1×10^(-3", "missing-parenthesis", 6],
    ["1×10^(-3]", "missing-parenthesis", 9],
    ["1e2.5", "bad-exponent", 4],
    ["10^1,5", "bad-exponent", 5],
    ["2^3", "power-of-ten-only", 1],
    ["1×100^2", "power-of-ten-only", 3],
    ["1½", "mixed-fraction", 2],
    ["½5", "mixed-fraction", 1],
    ["1/4e-3", "unexpected-character", 4],
    ["50%", "unexpected-character", 3],
    ["$5", "unexpected-character", 1],
    ["(1/4)", "unexpected-character", 1],
    ["1_000", "unexpected-character", 2],
    ["٣", "unexpected-character", 1],
    ["10₂", "unexpected-character", 3],
    ["①", "unexpected-character", 1],
    ["1\u0000", "unexpected-character", 2],
    ["1**10", "power-of-ten-only", 1],
  ];
  it.each(cases)("%j is refused as %s at position %d", (input, code, position) => {
    const read = refused(input);
    expect(read.code).toBe(code);
    expect(read.position).toBe(position);
  });

  it("counts positions in characters as typed, before NFKC and with invisible and astral characters", () => {
    // Each full-width character is one character, although NFKC maps it to another.
    expect(refused("０．５ｘ").position).toBe(4);
    // Invisible characters are dropped for reading but still counted where they were typed.
    expect(refused("\u200b\u200b0.5x").position).toBe(6);
    // An emoji is one character (two UTF-16 code units).
    expect(refused("😀").position).toBe(1);
    expect(refused("0.5😀x").position).toBe(4);
    // ½ expands to three characters under NFKC; the error after it points past it.
    expect(refused("½x").position).toBe(1);
  });

  it("refuses more than 200 characters at position 201", () => {
    const long = `0.${"1".repeat(199)}`;
    expect([...long]).toHaveLength(201);
    const read = refused(long);
    expect(read.code).toBe("too-long");
    expect(read.position).toBe(201);
    // Characters, not UTF-16 units: 150 emoji are 300 units but only 150 characters.
    expect(refused("😀".repeat(150)).code).toBe("unexpected-character");
  });

  it("asks which number was meant instead of guessing a magnitude", () => {
    const read = refused("1,234");
    expect(read.message.en).toContain("Did you mean 1.234 or 1234?");
    expect(read.message.en).toContain("Use a dot for decimals");
    expect(read.message.ja).toContain("1.234 と 1234 のどちらですか");
  });

  it("says what is wrong and where, in both languages", () => {
    const read = refused("0.5abc");
    expect(read.message.en).toBe("“a” is a letter; an answer is a number such as 3.14 or 2.5e-7 (position 4).");
    expect(read.message.ja).toBe("「a」は文字です。答えは 3.14 や 2.5e-7 のような数で入力してください（4文字目）。");
    expect(read.reason.en).toBe("“a” is a letter; an answer is a number such as 3.14 or 2.5e-7.");
    expect(read.reason.ja).toBe("「a」は文字です。答えは 3.14 や 2.5e-7 のような数で入力してください。");
    expect(refused("Infinity").message.en).toContain("“Infinity” is not a number");
    expect(refused("1e400").message.en).toContain("too large");
    expect(refused("1e-400").message.en).toContain("would be 0");
    expect(refused("").message.en).toContain("empty");
    expect(refused("").message.ja).toContain("空");
  });

  it("quotes an invisible offending character by its code", () => {
    expect(refused("1\u0007").message.en).toContain("U+0007");
  });
});

describe("number formatting", () => {
  it("rounds to significant figures and keeps significant trailing zeros", () => {
    expect(formatSignificant(0.8807970779778823, 3)).toBe("0.881");
    expect(formatSignificant(0.10499358540350662, 3)).toBe("0.105");
    expect(formatSignificant(0.9999546021312976, 3)).toBe("1.00");
    expect(formatSignificant(0.25, 3)).toBe("0.250");
    expect(formatSignificant(-0.25, 2)).toBe("-0.25");
    expect(formatSignificant(0, 3)).toBe("0");
    expect(formatSignificant(123456.7, 3)).toBe("123000");
  });
  it("writes very small and very large values with a power of ten", () => {
    expect(formatSignificant(2.0611536181902037e-9, 3)).toBe("2.06×10^-9");
    expect(formatSignificant(2.0611536181902037e-9, 3, { ascii: true })).toBe("2.06e-9");
    expect(formatSignificant(1.5e21, 2)).toBe("1.5×10^21");
    expect(formatSignificant(0.00012345, 3)).toBe("0.000123");
  });
  it("writes the shortest form that reads back exactly", () => {
    for (const v of [0.1, 0.8807970779778823, -2, 1e-9, 1.2345678901234567e100]) {
      const read = readAnswer(formatShortest(v));
      expect(read.ok && read.value).toBe(v);
    }
    expect(jsonNumber(0.1)).toBe(0.1);
    expect(jsonNumber(Number.NaN)).toBeNull();
  });
});
