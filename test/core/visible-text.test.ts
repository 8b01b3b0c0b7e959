// The one sanitiser for text from other people's files on its way to a terminal.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  escapeCharacter,
  firstUnsafeCharacter,
  hasBidiControl,
  hasUnsafeCharacters,
  terminalSafeJson,
  visibleSnippet,
  visibleText,
} from "../../src/core/visible-text";
import { TERMINAL_UNSAFE } from "../support/terminal-unsafe";

describe("visibleText", () => {
  test("escape sequences that reset or redraw a terminal become visible text", () => {
    expect(visibleText("a\u001Bcb")).toBe("a\\x1Bcb");
    expect(visibleText("\u001B#8\u001B(0\u001BE")).toBe("\\x1B#8\\x1B(0\\x1BE");
    expect(visibleText("\u009B2J")).toBe("\\x9B2J");
    expect(visibleText("x\u007Fy")).toBe("x\\x7Fy");
  });

  test("a right-to-left override cannot make one name look like another", () => {
    expect(visibleText("\u202EboB")).toBe("\\u202EboB");
    expect(visibleText("a\u2066b\u2069")).toBe("a\\u2066b\\u2069");
    expect(hasBidiControl("\u202EboB")).toBe(true);
    expect(hasBidiControl("Bob")).toBe(false);
  });

  test("characters that show as nothing cannot make one name look like another", () => {
    expect(visibleText("B\u200Bob")).toBe("B\\u200Bob");
    expect(visibleText("Bob\u2060")).toBe("Bob\\u2060");
    expect(visibleText("Ann\u00AD")).toBe("Ann\\xAD");
    expect(visibleText("Bo\u200Db")).toBe("Bo\\u200Db");
    expect(visibleText("\uFEFFDee")).toBe("\\uFEFFDee");
    expect(visibleText("Bob\u{E0041}")).toBe("Bob\\u{E0041}");
    expect(visibleText("\u3164Cy")).toBe("\\u3164Cy");
    expect(visibleText("B\u200Bob", { keepLines: true })).toBe("B\\u200Bob");
    expect(hasUnsafeCharacters("B\u200Bob")).toBe(true);
  });

  test("every control and format character of this engine's Unicode is escaped, alone and in Japanese text", () => {
    const missed: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (!/[\p{Cc}\p{Cf}]/u.test(char)) continue;
      if (visibleText(`あ${char}い`) !== `あ${escapeCharacter(char)}い`) missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
  });

  test("a zero-width joiner is kept only between two emoji", () => {
    expect(visibleText("👩\u200D🎓 👍🏽\u200D👍")).toBe("👩\u200D🎓 👍🏽\u200D👍");
    expect(visibleText("a\u200D🎓 👩\u200Db \u200D")).toBe("a\\u200D🎓 👩\\u200Db \\u200D");
    expect(hasUnsafeCharacters("👩\u200D🎓")).toBe(false);
    expect(firstUnsafeCharacter("👩\u200D🎓 B\u200Bob")).toEqual({ index: 7, escaped: "\\u200B" });
  });

  test("JSON output writes characters that show as nothing as \\u escapes, astral ones as surrogate pairs", () => {
    const json = JSON.stringify({ name: "B\u200Bob\u{E0041}" });
    expect(terminalSafeJson(json)).toBe('{"name":"B\\u200Bob\\uDB40\\uDC41"}');
    expect(JSON.parse(terminalSafeJson(json))).toEqual(JSON.parse(json));
  });

  test("line breaks and tabs are escaped on one line, kept for multi-line text", () => {
    expect(visibleText("a\nb\tc\rd")).toBe("a\\x0Ab\\x09c\\x0Dd");
    expect(visibleText("a\nb\tc\rd", { keepLines: true })).toBe("a\nb\tc\\x0Dd");
  });

  test("Japanese, σ′ and emoji pass unchanged", () => {
    const text = "田中 愛子 σ′(x) = σ(1 − σ) ０．５ 👩‍🎓";
    expect(visibleText(text)).toBe(text);
    expect(hasUnsafeCharacters(text)).toBe(false);
  });

  test("property: the result never holds an unsafe character, and safe text is unchanged", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        const shown = visibleText(text);
        expect(TERMINAL_UNSAFE.test(shown)).toBe(false);
        expect(/[\n\t]/.test(shown)).toBe(false);
        expect(TERMINAL_UNSAFE.test(visibleText(text, { keepLines: true }))).toBe(false);
        if (!hasUnsafeCharacters(text)) expect(shown).toBe(text);
      }),
    );
  });
});

describe("terminalSafeJson", () => {
  test("property: the text holds no unsafe character and parses back to the same data", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: "binary", maxLength: 30 }), (value, text) => {
        const json = terminalSafeJson(JSON.stringify({ value, text }));
        expect(TERMINAL_UNSAFE.test(json)).toBe(false);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify({ value, text })));
      }),
    );
  });
});

describe("visibleSnippet", () => {
  test("quotes at most the limit, made visible", () => {
    expect(visibleSnippet("root:x:0:0:\u001B[2J", 5)).toBe("root:…");
    expect(visibleSnippet("ab\u001B", 5)).toBe("ab\\x1B");
  });
});
