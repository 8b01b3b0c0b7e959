// `sigmoid-trainer calc` as a user runs it: the built bundle, spawned through pipes.
// (test/support/global-setup.ts rebuilds dist/cli.js first whenever a source is newer.)
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/cli";

interface Row {
  x: number;
  sigmoid: number;
  derivative: number;
}

interface ReferenceRow {
  x: number;
  sigma: [number, number];
  dsigma: [number, number];
}

const reference: ReferenceRow[] = JSON.parse(readFileSync(`${ROOT}test/fixtures/sigmoid-reference.json`, "utf8")).rows;

function ulp(v: number): number {
  const a = Math.abs(v);
  if (a === 0) return Number.MIN_VALUE;
  const exponent = Math.floor(Math.log2(a));
  return Math.max(2 ** (exponent - 52), Number.MIN_VALUE);
}

async function calcJson(args: readonly string[], input?: string): Promise<Row[]> {
  const run = await runCli(["calc", "--json", ...args], input === undefined ? {} : { input });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toMatch(/Error:|internal error/);
}

describe("calc --json", () => {
  it("prints one JSON array with σ(2) and σ′(2) at full double precision, correctly rounded", async () => {
    const run = await runCli(["calc", "--json", "2"]);
    expect(run.code).toBe(0);
    // The doubles nearest the exact σ(2) = 0.880797077977882444… and σ′(2) = 0.104993585403506517…
    // (test/fixtures/sigmoid-reference.json). The naive formulas give 0.8807970779778823 and
    // 0.10499358540350662: 1 and 7 ulps off, same shape.
    expect(run.stdout).toBe('[{"x":2,"sigmoid":0.8807970779778824,"derivative":0.10499358540350652}]\n');
    const [row] = JSON.parse(run.stdout) as Row[];
    expect(Math.abs(row!.sigmoid - 0.8807970779778823)).toBeLessThanOrEqual(ulp(0.88));
    expect(Math.abs(row!.derivative - 0.10499358540350662)).toBeLessThanOrEqual(8 * ulp(0.105));
  });

  it("agrees with the 80-digit reference to 2 ulps across the whole range, tails included", async () => {
    const step = Math.floor(reference.length / 150);
    const sample = reference.filter((_, i) => i % step === 0 && i > 0);
    const rows = await calcJson(sample.map((r) => String(r.x)));
    expect(rows.map((r) => r.x)).toEqual(sample.map((r) => r.x));
    rows.forEach((row, i) => {
      const [sigmaHi, sigmaLo] = sample[i]!.sigma;
      const [dsigmaHi, dsigmaLo] = sample[i]!.dsigma;
      expect(Math.abs(row.sigmoid - sigmaHi - sigmaLo)).toBeLessThanOrEqual(2 * ulp(sigmaHi));
      expect(Math.abs(row.derivative - dsigmaHi - dsigmaLo)).toBeLessThanOrEqual(2 * ulp(dsigmaHi));
    });
  });

  it("handles huge finite x: 1e308 and −1e308", async () => {
    expect(await calcJson(["1e308", "-1e308"])).toEqual([
      { x: 1e308, sigmoid: 1, derivative: 0 },
      { x: -1e308, sigmoid: 0, derivative: 0 },
    ]);
  });

  it("prints [] when stdin has no values", async () => {
    const run = await runCli(["calc", "--json"], { input: "\n\n" });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("[]\n");
  });
});

describe("calc: negative and unusually typed x", () => {
  it("reads `calc -3` and `calc -- -3` the same way, as x = −3", async () => {
    const plain = await runCli(["calc", "-3"]);
    const dashed = await runCli(["calc", "--", "-3"]);
    expect(plain.code).toBe(0);
    expect(dashed.code).toBe(0);
    expect(plain.stdout).toBe(dashed.stdout);
    expect(plain.stdout).toMatch(/^\s*-3\s+0\.04742587317756678\s+0\.045176659730912/m);
    expect((await calcJson(["--", "-3", "-0.5"])).map((r) => r.x)).toEqual([-3, -0.5]);
  });

  it("reads a Unicode minus and full-width digits from a Japanese input method", async () => {
    expect((await calcJson(["−3", "３", "1/4"])).map((r) => r.x)).toEqual([-3, 3, 0.25]);
  });
});

describe("calc: table", () => {
  it("prints a header and one aligned row per x, decimal points in one column", async () => {
    const run = await runCli(["calc", "2", "-3", "0", "1e-7"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^x\s+σ\(x\)\s+σ′\(x\)$/);
    const rowFor2 = lines[1]!.trim().split(/\s+/);
    expect(rowFor2).toEqual(["2", "0.8807970779778824", "0.10499358540350652"]);
    expect(lines[3]!.trim().split(/\s+/)).toEqual(["0", "0.5", "0.25"]);
    // The points of σ(x) line up on every row.
    const points = lines.slice(1).map((line) => line.indexOf(".", line.search(/\S\s+\S/) + 2));
    expect(new Set(points).size).toBe(1);
  });
});

describe("calc: stdin", () => {
  it("reads one x a line until end of input, skipping blank lines, accepting CRLF", async () => {
    const rows = await calcJson([], "2\n\n  -3  \r\n0.5\n\n1");
    expect(rows.map((r) => r.x)).toEqual([2, -3, 0.5, 1]);
    expect(rows[0]).toEqual({ x: 2, sigmoid: 0.8807970779778824, derivative: 0.10499358540350652 });
  });

  it("prints the table for stdin values too", async () => {
    const run = await runCli(["calc"], { input: "2\n" });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^2\s+0\.8807970779778824\s+0\.10499358540350652$/m);
  });
});

describe("calc: bad input", () => {
  it("a bad X: says which and where, exits 2, prints no partial table and no stack trace", async () => {
    const run = await runCli(["calc", "1", "abc", "2"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/calc: "abc" is not a number \(character 1\)/);
    expectNoStackTrace(run.stderr);
  });

  it("names the stdin line of a bad X", async () => {
    const run = await runCli(["calc", "--json"], { input: "1\n2\n0.5x\n" });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/calc: line 3: "0\.5x" is not a number \(character 4\)/);
    expectNoStackTrace(run.stderr);
  });

  it("refuses a value that overflows a double, and NaN", async () => {
    for (const bad of ["1e999", "NaN", "Infinity", "1,234", ""]) {
      const run = await runCli(["calc", bad]);
      expect(run.code, bad).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(`"${bad}" is not a number`);
      expectNoStackTrace(run.stderr);
    }
  });

  it("speaks Japanese when the locale is Japanese", async () => {
    const run = await runCli(["calc", "abc"], { env: { LANG: "ja_JP.UTF-8", LC_ALL: undefined, LC_MESSAGES: undefined } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/「abc」は数として読めません（1文字目）/);
  });

  it("an unknown flag is a usage error with exit 2", async () => {
    const run = await runCli(["calc", "--bogus"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/calc: .*--bogus/);
    expectNoStackTrace(run.stderr);
  });
});

describe("calc: start-up", () => {
  it("the bundle's calc file is the whole command: it imports no other file of the build and contains no React and no Ink", () => {
    const code = readFileSync(`${ROOT}dist/commands/calc.js`, "utf8");
    expect(code).toMatch(/σ′?\(x\)|sigmoid/);
    expect(code.match(/(?:require|import)\s*\(\s*["']\.\.?\/[^"']+["']/g) ?? []).toEqual([]);
    expect(code).not.toMatch(/Symbol\.for\("react\./);
    expect(code).not.toMatch(/yoga-layout|from "ink"|useInput/);
  });
});
