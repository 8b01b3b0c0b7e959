// The trainer entry in-process: which mode it picks, and what it says about it.
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { tempDataDir } from "../e2e/plain-support";

class Sink extends Writable {
  text = "";
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString("utf8");
    done();
  }
}

async function run(argv: string[], input: string, tty = false, env: Record<string, string> = {}) {
  const stdin = Object.assign(new PassThrough(), { isTTY: tty });
  const stdout = Object.assign(new Sink(), { isTTY: tty });
  const stderr = new Sink();
  const io: CliIO = { stdin, stdout, stderr, env: { LANG: "C.UTF-8", ...env }, cwd: process.cwd() };
  stdin.end(input);
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe("the trainer entry", () => {
  it("uses plain mode with a one-line notice when not a terminal", async () => {
    const r = await run(["practice", "--count", "1", "--seed", "1", "--data-dir", tempDataDir()], "");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("sigmoid-trainer: Not a terminal: running in plain mode, one line at a time (as with --plain).\n");
  });

  it("says nothing about the mode when --plain, --json or --screen-reader chose it", async () => {
    for (const flag of ["--plain", "--json", "--screen-reader"]) {
      const r = await run(["practice", flag, "--count", "1", "--seed", "1", "--data-dir", tempDataDir()], "", true);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
    }
  });

  it("--json alone gives JSON lines", async () => {
    const r = await run(["practice", "--json", "--count", "1", "--seed", "1", "--data-dir", tempDataDir()], "");
    const types = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).type);
    expect(types).toEqual(["question", "summary"]);
  });

  it("takes INK_SCREEN_READER=true in a terminal as --screen-reader: plain lines, no full screen", async () => {
    const r = await run(["practice", "--count", "1", "--seed", "1", "--data-dir", tempDataDir()], "", true, { INK_SCREEN_READER: "true" });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Question 1 of 1/);
    expect(r.stderr).toBe("");
  });

  it("refuses a bad option value with a usage error (exit 2)", async () => {
    expect((await run(["practice", "--lang", "fr"], "")).code).toBe(2);
    expect((await run(["practice", "--count", "0"], "")).code).toBe(2);
    expect((await run(["practice", "extra"], "")).stderr).toMatch(/unexpected argument "extra"/);
  });

  it("says explore needs the full screen (exit 1), and points to learn, which reads line by line", async () => {
    const r = await run(["explore", "--plain", "--data-dir", tempDataDir()], "");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/explore needs the full-screen trainer in a terminal; without one, try "sigmoid-trainer learn --plain"/);
    const learn = await run(["learn", "--plain", "--data-dir", tempDataDir()], "");
    expect(learn.code).toBe(0);
    expect(learn.stdout).toMatch(/Step 1 of \d+/);
  });
});
