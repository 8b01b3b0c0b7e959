// The calc command in-process, for properties that need many runs (spawning would be too slow).
import { Readable, Writable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/commands/calc";
import type { CliIO } from "../../src/cli/io";
import { UserError } from "../../src/cli/io";
import { sigmoid, sigmoidDerivative } from "../../src/core/sigmoid";

function sink(): Writable & { text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return Object.assign(stream, { text: () => text });
}

async function calc(argv: string[], input = "") {
  const stdout = sink();
  const stderr = sink();
  const io: CliIO = { stdin: Readable.from([input]), stdout, stderr, env: { LANG: "C" }, cwd: "/" };
  const code = await run(argv, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe("calc in-process", () => {
  it("x printed by JavaScript reads back as exactly the same double, with σ and σ′ of it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ noNaN: true, noDefaultInfinity: true }), async (x) => {
        const { code, stdout } = await calc(["--json", "--", String(x)]);
        expect(code).toBe(0);
        const [row] = JSON.parse(stdout);
        expect(row.x).toBe(x === 0 ? 0 : x); // JSON has no −0
        expect(row.sigmoid).toBe(sigmoid(x));
        expect(row.derivative).toBe(sigmoidDerivative(x));
      }),
      { numRuns: 2000 },
    );
  });

  it("the table and the JSON show the same digits", async () => {
    const xs = ["2", "-3", "0.1", "1e-7", "40"];
    const table = (await calc(xs)).stdout;
    const json = JSON.parse((await calc(["--json", ...xs])).stdout) as { x: number; sigmoid: number; derivative: number }[];
    const rows = table
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/).map(Number));
    expect(rows).toEqual(json.map((r) => [r.x, r.sigmoid, r.derivative]));
  });

  it("tells a person at a terminal how to end the list, and only then", async () => {
    const stdin = Object.assign(Readable.from(["2\n"]), { isTTY: true });
    const stderr = sink();
    await run([], { stdin, stdout: sink(), stderr, env: {}, cwd: "/" });
    expect(stderr.text()).toMatch(/one x a line; end with Ctrl-D/);
    expect((await calc([], "2\n")).stderr).toBe("");
  });

  it("stops at the first bad value with exit code 2 and has printed nothing", async () => {
    const stdout = sink();
    const io: CliIO = { stdin: Readable.from([""]), stdout, stderr: sink(), env: {}, cwd: "/" };
    const failure = await run(["1", "2", "x"], io).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as UserError).exitCode).toBe(2);
    expect((failure as UserError).message).toMatch(/^calc: "x" is not a number \(character 1\): .*letter/);
    expect(stdout.text()).toBe("");
  });
});
