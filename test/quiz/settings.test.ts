// The session file an instructor hands out: what it accepts, and every problem at file:line:col.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/content/problems";
import { DEFAULT_QUIZ_COUNT, formatConfigProblems, parseMinutes, parseQuizConfig } from "../../src/quiz/settings";
import { unsafeFound } from "../support/terminal-unsafe";

const SKILLS = ["sigmoid-value", "derivative-value", "derivative-from-output"];
const problems = (text: string) => {
  const parsed = parseQuizConfig("session.yaml", text, SKILLS);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? [] : parsed.problems.map(formatProblem);
};

describe("a session file", () => {
  it("gives the quiz's settings, with defaults for what it leaves out", () => {
    const parsed = parseQuizConfig("session.yaml", "seed: 2024\n", SKILLS);
    expect(parsed).toEqual({
      ok: true,
      config: {
        settings: { seed: 2024, count: DEFAULT_QUIZ_COUNT, skills: [], timeLimitMinutes: null, hintsAllowed: true },
        contentVersion: null,
      },
    });
  });

  it("reads every setting; skills come sorted without repeats, one id or a list", () => {
    const text = [
      "# onboarding, week 1",
      "seed: 42",
      "count: 6",
      "skills: [sigmoid-value, derivative-value, sigmoid-value]",
      "time: 12.5",
      "hints: false",
      "content-version: 5a3f999b56b2",
    ].join("\n");
    expect(parseQuizConfig("s.yaml", text, SKILLS)).toEqual({
      ok: true,
      config: {
        settings: { seed: 42, count: 6, skills: ["derivative-value", "sigmoid-value"], timeLimitMinutes: 12.5, hintsAllowed: false },
        contentVersion: "5a3f999b56b2",
      },
    });
    const one = parseQuizConfig("s.yaml", "seed: 1\nskills: derivative-value\n", SKILLS);
    expect(one.ok && one.config.settings.skills).toEqual(["derivative-value"]);
  });

  it("points at an unknown key, with the key it probably meant", () => {
    expect(problems("seed: 1\ncoutn: 5\n")).toEqual(['session.yaml:2:1: unknown key "coutn"; did you mean "count"?']);
  });

  it("points at a value of the wrong type", () => {
    expect(problems('seed: "42"\n')).toEqual(['session.yaml:1:7: "seed": expected a whole number, got text "42"']);
    expect(problems("seed: 1\nhints: no-thanks\n")).toEqual(['session.yaml:2:8: "hints": expected true or false, got text "no-thanks"']);
    expect(problems("seed: 1\ncount: 2.5\n")[0]).toMatch(/^session\.yaml:2:8: "count": expected a whole number/);
  });

  it("points at a number out of range", () => {
    expect(problems("seed: 1\ncount: 0\n")[0]).toMatch(/^session\.yaml:2:8: "count": expected at least 1/);
    expect(problems("seed: 1\ntime: -5\n")[0]).toMatch(/^session\.yaml:2:7: "time": /);
    expect(problems("seed: -1\n")[0]).toMatch(/^session\.yaml:1:7: "seed": expected at least 0/);
  });

  it("points at a skill the course does not have, in a list", () => {
    expect(problems("seed: 1\nskills:\n  - sigmoid-value\n  - derivativ-value\n")).toEqual([
      'session.yaml:4:5: unknown skill "derivativ-value"; did you mean "derivative-value"?',
    ]);
  });

  it("says what is missing, and what an empty file needs", () => {
    expect(problems("count: 3\n")).toEqual(['session.yaml:1:1: missing key "seed"; expected a whole number']);
    expect(problems("")).toEqual(['session.yaml:1:1: the file is empty; it needs at least "seed: N"']);
    expect(problems("# only a comment\n")).toEqual(['session.yaml:1:1: the file is empty; it needs at least "seed: N"']);
  });

  it("points at YAML syntax errors and repeated keys", () => {
    expect(problems("seed: 1\ncount: [3\n")[0]).toMatch(/^session\.yaml:\d+:\d+: YAML syntax error/);
    expect(problems("seed: 1\nseed: 2\n")[0]).toMatch(/^session\.yaml:2:1: YAML syntax error/);
  });

  it("a list of problems reads as one message", () => {
    const parsed = parseQuizConfig("s.yaml", "seed: x\ncolor: red\n", SKILLS);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(formatConfigProblems(parsed.problems)).toMatch(
        /^the session file has 2 problems:\ns\.yaml:1:7: .*\ns\.yaml:2:1: unknown key "color"/,
      );
    }
  });

  it("escape sequences in the file's name and values are shown as escapes, never sent to the terminal", () => {
    const parsed = parseQuizConfig("\u001bc.yaml", 'seed: 5\nskills: ["\\e]0;x\\a\\u202e\\u200b"]\n', SKILLS);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      const message = formatConfigProblems(parsed.problems);
      expect(message).toContain('\\x1Bc.yaml:2:10: unknown skill "\\x1B]0;x\\x07\\u202E\\u200B"');
      expect(unsafeFound(message)).toEqual([]);
    }
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseQuizConfig("f.yaml", text, SKILLS);
        if (!parsed.ok) for (const p of parsed.problems) expect(p.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe("--time", () => {
  it("takes positive minutes, decimals allowed", () => {
    expect(parseMinutes("15")).toBe(15);
    expect(parseMinutes(" 0.5 ")).toBe(0.5);
  });

  it("refuses anything else with a sentence", () => {
    for (const bad of ["0", "-3", "abc", "1e3", "10m", "", "1441"]) expect(typeof parseMinutes(bad)).toBe("string");
    expect(parseMinutes("ten")).toBe('--time takes a number of minutes (e.g. 15 or 0.5), got "ten"');
  });
});
