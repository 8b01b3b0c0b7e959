// `sigmoid-trainer check` as a user runs it: the built bundle, spawned through pipes.
// (test/support/global-setup.ts rebuilds dist/cli.js whenever a source is newer; the beforeAll
// below also builds it if it is missing, e.g. when another run just cleaned dist/.)
import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI, runCli } from "../support/cli";
import buildIfStale from "../support/global-setup";

const ENGLISH = { LANG: "C", LC_ALL: undefined, LC_MESSAGES: undefined };
const JAPANESE = { LANG: "ja_JP.UTF-8", LC_ALL: undefined, LC_MESSAGES: undefined };

function check(args: readonly string[], env: Record<string, string | undefined> = ENGLISH) {
  return runCli(["check", ...args], { env });
}

interface CheckJson {
  verdict: string;
  expected: number | string;
  parsed: number | null;
  diagnosis: string | null;
  message: string;
}

async function checkJson(args: readonly string[], env: Record<string, string | undefined> = ENGLISH) {
  const run = await check([...args, "--json"], env);
  expect(run.stderr).toBe("");
  const lines = run.stdout.split("\n");
  expect(lines).toHaveLength(2); // exactly one line, then the final newline
  expect(lines[1]).toBe("");
  const json = JSON.parse(lines[0]!) as CheckJson;
  expect(Object.keys(json)).toEqual(["verdict", "expected", "parsed", "diagnosis", "message"]);
  return { code: run.code, json };
}

function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at /);
  expect(text).not.toMatch(/Error:|internal error/);
}

beforeAll(() => {
  if (!existsSync(CLI)) buildIfStale();
});

describe("check (number answers)", () => {
  it("grades a correct answer: echo, verdict in words, expected value, exit 0", async () => {
    const run = await check(["--quantity", "derivative", "--x", "2", "--answer", "0.105"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(
      [
        "Read as: 0.105",
        "Verdict: correct",
        "Expected: σ′(2) ≈ 0.105 (3 significant figures; full value 0.10499358540350652)",
        "Correct: σ′(2) ≈ 0.105.",
        "",
      ].join("\n"),
    );
  });

  it("names the mistake with its id and sentence, exit 1", async () => {
    const run = await check(["--quantity", "derivative", "--x", "2", "--answer", "0.881"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Read as: 0.881\nVerdict: incorrect\n");
    expect(run.stdout).toContain("Mistake: sigmoid-instead-of-derivative (σ instead of σ′)");
    expect(run.stdout).toContain("That is σ(2) ≈ 0.881, the height of the curve; σ′(2) is its slope");
    expect(run.stdout).toContain("The answer is σ′(2) ≈ 0.105.");
  });

  it("calls too few figures imprecise and says how many, exit 1; one figure is never enough", async () => {
    const run = await check(["--quantity", "sigmoid", "--x", "10", "--answer", "1.0"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Verdict: imprecise");
    expect(run.stdout).toContain("Right value, but give 3 significant figures (you gave 2).");
    expect(run.stdout).toContain("σ(10) ≈ 1.00");
    const one = await check(["--quantity", "sigmoid", "--x", "10", "--answer", "1"]);
    expect(one.code).toBe(1);
    expect(one.stdout).toContain("One significant figure is too few to count: give 3 significant figures.");
  });

  it("names a mistake before calling an answer right with too few figures, and says both", async () => {
    const run = await check(["--quantity", "derivative", "--x", "1.3862943611198906", "--answer", "0.2"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Mistake: complement");
    expect(run.stdout).toContain("If you meant σ′(1.3862943611198906), give 3 significant figures: 0.160.");
  });

  it("honours --digits", async () => {
    expect((await check(["--quantity", "sigmoid", "--x", "2", "--answer", "0.88", "--digits", "2"])).code).toBe(0);
    expect((await check(["--quantity", "sigmoid", "--x", "2", "--answer", "0.88", "--digits", "4"])).code).toBe(1);
  });

  it("reads negative and full-width values for --x and --answer", async () => {
    const negative = await checkJson(["--quantity", "sigmoid", "--x", "-2", "--answer", "-0.1"]);
    expect(negative.json.verdict).toBe("incorrect");
    expect(negative.json.parsed).toBe(-0.1);
    const fullWidth = await checkJson(["--quantity", "sigmoid", "--x", "－２", "--answer", "０．１１９"]);
    expect(fullWidth.code).toBe(0);
    expect(fullWidth.json).toMatchObject({ verdict: "correct", parsed: 0.119, diagnosis: null });
    const unicodeMinus = await checkJson(["--quantity", "derivative", "--x", "−2", "--answer", "21/200"]);
    expect(unicodeMinus.json.verdict).toBe("correct");
  });

  it("prints one JSON line with the contract's fields, for every verdict", async () => {
    const correct = await checkJson(["--quantity", "derivative", "--x", "2", "--answer", "0.105"]);
    expect(correct.code).toBe(0);
    expect(correct.json).toEqual({
      verdict: "correct",
      expected: 0.10499358540350652,
      parsed: 0.105,
      diagnosis: null,
      message: "Correct: σ′(2) ≈ 0.105.",
    });
    const wrong = await checkJson(["--quantity", "derivative", "--x", "2", "--answer", "0.776"]);
    expect(wrong.code).toBe(1);
    expect(wrong.json).toMatchObject({ verdict: "incorrect", parsed: 0.776, diagnosis: "squared-sigmoid" });
    const imprecise = await checkJson(["--quantity", "derivative", "--x", "2", "--answer", "0.10"]);
    expect(imprecise.code).toBe(1);
    expect(imprecise.json).toMatchObject({ verdict: "imprecise", diagnosis: null });
    const invalid = await checkJson(["--quantity", "derivative", "--x", "2", "--answer", "1,234"]);
    expect(invalid.code).toBe(2);
    expect(invalid.json).toMatchObject({ verdict: "invalid", parsed: null, diagnosis: null });
    expect(invalid.json.message).toContain("Did you mean 1.234 or 1234?");
  });

  it("writes the message in Japanese from the locale, or from --lang", async () => {
    const fromLocale = await checkJson(["--quantity", "derivative", "--x", "2", "--answer", "0.881"], JAPANESE);
    expect(fromLocale.json.message).toContain("不正解です。");
    expect(fromLocale.json.message).toContain("曲線の高さ σ(2) ≈ 0.881 です");
    const fromFlag = await checkJson(["--quantity", "derivative", "--x", "2", "--answer", "0.105", "--lang", "ja"]);
    expect(fromFlag.json.message).toBe("正解です。σ′(2) ≈ 0.105 です。");
    const english = await checkJson(["--quantity", "derivative", "--x", "2", "--answer", "0.105", "--lang", "en"], JAPANESE);
    expect(english.json.message).toBe("Correct: σ′(2) ≈ 0.105.");

    const plain = await check(["--quantity", "derivative", "--x", "2", "--answer", "0.10"], JAPANESE);
    expect(plain.stdout).toContain("読み取り: 0.10\n判定: 桁数不足（imprecise）\n");
    expect(plain.stdout).toContain("有効数字3桁で答えてください（入力は2桁です）");
  });

  it("reports an unreadable answer with its position, exit 2, and no stack trace", async () => {
    const run = await check(["--quantity", "derivative", "--x", "2", "--answer", "0.1o5"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("Read as: (could not read it)\nVerdict: invalid\n");
    expect(run.stdout).toContain("“o” is a letter");
    expect(run.stdout).toContain("(position 4)");
    expect(run.stderr).toBe("");
    expectNoStackTrace(run.stdout);
    for (const answer of ["", "NaN", "Infinity", "1e999", "x".repeat(300), "\u0007\u001b[31m"]) {
      const bad = await check(["--quantity", "sigmoid", "--x", "1", "--answer", answer]);
      expect(bad.code).toBe(2);
      expect(bad.stdout).toContain("Verdict: invalid");
      expectNoStackTrace(bad.stdout + bad.stderr);
      expect(bad.stdout).not.toContain("\u001b"); // a control character is named, never sent to the terminal
    }
  });
});

describe("check (formula answers)", () => {
  it("grades a formula and diagnoses σ² instead of σ(1 − σ)", async () => {
    const right = await check(["--quantity", "derivative", "--formula", "--answer", "s*(1-s)"]);
    expect(right.code).toBe(0);
    expect(right.stdout).toContain("Verdict: correct");
    expect(right.stdout).toContain("Expected: σ′(x) = ");
    const squared = await checkJson(["--quantity", "derivative", "--formula", "--answer", "sigma(x)^2"]);
    expect(squared.code).toBe(1);
    expect(squared.json).toMatchObject({ verdict: "incorrect", parsed: null, diagnosis: "squared-sigmoid" });
    expect(typeof squared.json.expected).toBe("string");
    const broken = await checkJson(["--quantity", "derivative", "--formula", "--answer", "s*(1-"]);
    expect(broken.code).toBe(2);
    expect(broken.json.verdict).toBe("invalid");
  });
});

describe("check usage errors (exit 2, a usage message, no stack trace)", () => {
  const cases: [string, string[], RegExp][] = [
    ["missing --answer", ["--quantity", "sigmoid", "--x", "1"], /--answer A is required/],
    ["missing --quantity", ["--x", "1", "--answer", "0.7"], /--quantity sigmoid\|derivative is required/],
    ["unknown quantity", ["--quantity", "slope", "--x", "1", "--answer", "0.7"], /unknown quantity "slope"/],
    ["both --x and --formula", ["--quantity", "sigmoid", "--x", "1", "--formula", "--answer", "0.7"], /not both/],
    ["neither --x nor --formula", ["--quantity", "sigmoid", "--answer", "0.7"], /give --x X/],
    ["bad --digits", ["--quantity", "sigmoid", "--x", "1", "--answer", "0.7", "--digits", "0"], /--digits must be between 1 and 12/],
    [
      "non-numeric --digits",
      ["--quantity", "sigmoid", "--x", "1", "--answer", "0.7", "--digits", "three"],
      /--digits takes a whole number/,
    ],
    ["unreadable --x", ["--quantity", "sigmoid", "--x", "two", "--answer", "0.7"], /--x "two" is not a number: .*position 1/],
    ["bad --lang", ["--quantity", "sigmoid", "--x", "1", "--answer", "0.7", "--lang", "fr"], /--lang must be ja or en/],
    ["unknown flag", ["--quantity", "sigmoid", "--x", "1", "--answer", "0.7", "--bogus"], /--bogus/],
    ["stray argument", ["--quantity", "sigmoid", "--x", "1", "--answer", "0.7", "extra"], /unexpected argument "extra"/],
  ];
  it.each(cases)("%s", async (_name, args, pattern) => {
    const run = await check(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).toContain("Try 'sigmoid-trainer --help'.");
    expectNoStackTrace(run.stderr);
  });
});
