import { describe, expect, it } from "vitest";
import { integerOption, parseCommandArgs, UsageError } from "../src/cli/args";
import { langFromEnv } from "../src/core/i18n";

const specs = { json: { type: "boolean" }, x: { type: "string" }, count: { type: "string" } } as const;

describe("parseCommandArgs", () => {
  it("reads negative numbers as positionals and keeps their order", () => {
    expect(parseCommandArgs(["1", "-3", "2", "−0.5"], specs, "calc").positionals).toEqual(["1", "-3", "2", "−0.5"]);
  });
  it("reads a negative number as the value of a string option", () => {
    expect(parseCommandArgs(["--x", "-3"], specs, "check").values.x).toBe("-3");
  });
  it("treats everything after -- as positional", () => {
    expect(parseCommandArgs(["--", "-3", "--json"], specs, "calc").positionals).toEqual(["-3", "--json"]);
  });
  it("rejects an unknown flag with a usage error naming the command", () => {
    expect(() => parseCommandArgs(["--bogus"], specs, "calc")).toThrow(UsageError);
    expect(() => parseCommandArgs(["--bogus"], specs, "calc")).toThrow(/calc: .*--bogus/);
  });
  it("checks whole-number options and their range", () => {
    const { values } = parseCommandArgs(["--count", "0"], specs, "quiz");
    expect(() => integerOption(values, "count", 1, 100)).toThrow(/between 1 and 100/);
    expect(integerOption(parseCommandArgs(["--count", "7"], specs, "quiz").values, "count", 1, 100)).toBe(7);
    expect(() => integerOption(parseCommandArgs(["--count", "x"], specs, "quiz").values, "count", 1, 9)).toThrow(/whole number/);
  });
});

describe("langFromEnv", () => {
  it("follows LC_ALL, then LC_MESSAGES, then LANG", () => {
    expect(langFromEnv({ LANG: "ja_JP.UTF-8" })).toBe("ja");
    expect(langFromEnv({ LC_ALL: "en_US.UTF-8", LANG: "ja_JP.UTF-8" })).toBe("en");
    expect(langFromEnv({ LC_MESSAGES: "ja_JP", LANG: "C" })).toBe("ja");
    expect(langFromEnv({})).toBe("en");
  });
});
