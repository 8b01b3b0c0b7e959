// The screens' V8 code cache (src/cli/code-cache.ts), on a script of the same shape as
// dist/screens.js: written on the first start, used on the next, never read across builds, and
// when it is damaged, refused or cannot be written the script still runs and returns the same.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type CacheOutcome, cacheFileName, runCachedScript } from "../../src/cli/code-cache";

let script: string;

/** A few hundred functions, run at once, so that V8 has compiled code to put in a cache. */
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), "st-code-cache-src-"));
  script = join(dir, "screens.js");
  const functions = Array.from({ length: 300 }, (_, i) => `function f${i}(x) { return x * ${i} + (x > ${i} ? 1 : 0); }`).join("\n");
  const calls = Array.from({ length: 300 }, (_, i) => `f${i}(n)`).join(" + ");
  writeFileSync(
    script,
    `(function (exports, require, module, host) {\n${functions}\nmodule.exports = { total: (n) => ${calls}, host };\n})`,
  );
});

interface Start {
  outcome: CacheOutcome;
  total: number;
  host: unknown;
}

/** One start: runs the script (the cache written at once, as if the first frame were drawn). */
function start(cacheDir: string | null, build = "build-a"): Start {
  const outcomes: CacheOutcome[] = [];
  const module = { exports: {} as { total: (n: number) => number; host: unknown } };
  const host = { name: "host" };
  runCachedScript({ file: script, cacheDir, build, args: [module.exports, undefined, module, host], onOutcome: (o) => outcomes.push(o) });
  expect(outcomes).toHaveLength(1);
  return { outcome: outcomes[0]!, total: module.exports.total(7), host: module.exports.host };
}

const EXPECTED_TOTAL = Array.from({ length: 300 }, (_, i) => 7 * i + (7 > i ? 1 : 0)).reduce((a, b) => a + b, 0);

function cacheDir(): string {
  return mkdtempSync(join(tmpdir(), "st-code-cache-"));
}

function cacheFile(dir: string, build = "build-a"): string {
  return join(dir, cacheFileName(build, readFileSync(script)));
}

describe("the code cache", () => {
  it("is written on the first start and used on the second, with the same result", () => {
    const dir = cacheDir();
    const first = start(dir);
    expect(first.outcome).toBe("created");
    expect(first.total).toBe(EXPECTED_TOTAL);
    expect(first.host).toEqual({ name: "host" });
    expect(readFileSync(cacheFile(dir)).length).toBeGreaterThan(1000);
    const second = start(dir);
    expect(second.outcome).toBe("used");
    expect(second.total).toBe(EXPECTED_TOTAL);
    expect(start(dir).outcome).toBe("used");
  });

  it("of another build is never read: a new build writes its own", () => {
    const dir = cacheDir();
    expect(start(dir, "build-a").outcome).toBe("created");
    expect(start(dir, "build-b").outcome).toBe("created");
    expect(start(dir, "build-b").outcome).toBe("used");
    expect(readdirSync(dir).sort()).toEqual(
      [cacheFileName("build-a", readFileSync(script)), cacheFileName("build-b", readFileSync(script))].sort(),
    );
  });

  it("keeps only the three most recent caches of other builds", () => {
    const dir = cacheDir();
    for (const build of ["b1", "b2", "b3", "b4", "b5", "b6"]) expect(start(dir, build).outcome).toBe("created");
    expect(readdirSync(dir)).toHaveLength(4);
    expect(readdirSync(dir)).toContain(cacheFileName("b6", readFileSync(script)));
  });

  const damages: [string, (bytes: Buffer) => Buffer][] = [
    ["a flipped byte in the compiled code", (b) => Buffer.from(b.map((byte, i) => (i === b.length - 10 ? byte ^ 0xff : byte)))],
    ["cut short", (b) => b.subarray(0, Math.floor(b.length / 2))],
    ["empty", () => Buffer.alloc(0)],
    ["text", () => Buffer.from("not a cache\n")],
    ["another format's header", (b) => Buffer.concat([Buffer.from("sigmoid-trainer code cache 0\n"), b.subarray(29)])],
  ];
  for (const [what, damage] of damages) {
    it(`damaged (${what}) only costs speed: the script runs, and the cache is written anew`, () => {
      const dir = cacheDir();
      start(dir);
      const file = cacheFile(dir);
      writeFileSync(file, damage(readFileSync(file)));
      const damaged = start(dir);
      expect(damaged.outcome).toBe("rebuilt");
      expect(damaged.total).toBe(EXPECTED_TOTAL);
      expect(start(dir).outcome).toBe("used");
    });
  }

  it("compiled from another script is never used, even one of the same length (which V8 alone would accept)", () => {
    const dir = cacheDir();
    start(dir);
    const file = cacheFile(dir);
    // A valid file of ours around V8 data for another script of the same length.
    const otherDir = mkdtempSync(join(tmpdir(), "st-code-cache-other-"));
    const other = join(otherDir, "screens.js");
    const text = readFileSync(script, "utf8");
    writeFileSync(other, text.replace("x * 1 +", "x * 2 +"));
    runCachedScript({ file: other, cacheDir: otherDir, build: "build-a", args: [{}, undefined, { exports: {} }, {}] });
    writeFileSync(file, readFileSync(join(otherDir, cacheFileName("build-a", readFileSync(other)))));
    expect(readFileSync(other).length).toBe(readFileSync(script).length);
    const refused = start(dir);
    expect(refused.outcome).toBe("rebuilt");
    expect(refused.total).toBe(EXPECTED_TOTAL);
  });

  it("that cannot be written (the directory is a file) only costs speed", () => {
    const parent = cacheDir();
    const blocked = join(parent, "not-a-directory");
    writeFileSync(blocked, "");
    const run = start(join(blocked, "cache"));
    expect(run.outcome).toBe("uncached");
    expect(run.total).toBe(EXPECTED_TOTAL);
    expect(start(join(blocked, "cache")).outcome).toBe("uncached");
  });

  it("is off when there is no cache directory", () => {
    const run = start(null);
    expect(run.outcome).toBe("uncached");
    expect(run.total).toBe(EXPECTED_TOTAL);
  });
});
