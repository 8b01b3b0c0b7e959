// A data directory that cannot work: a path that is a file, or a directory the learner may not
// read. Commands say what is wrong and where, exit 1, and never show an empty history as if it
// were the learner's.
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createProgressStore } from "../../src/progress";
import { attemptInput, tempDir } from "../progress/helpers";
import { ROOT, runCli } from "../support/cli";
import { ENGLISH_ENV } from "./plain-support";

const noTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |internal error/);

describe("a data directory that is a file", () => {
  for (const command of [["stats"], ["export"], ["reset", "--yes"], ["practice", "--plain"]]) {
    it(`${command[0]} refuses it, naming the path and where it came from`, async () => {
      const file = join(tempDir(), "progress");
      writeFileSync(file, "not a directory\n");
      const run = await runCli([...command, "--data-dir", file, "--lang", "en"], { input: "0.5\n", env: ENGLISH_ENV });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(`sigmoid-trainer: the data directory ${file} (--data-dir) is a file, not a directory\n`);
    });
  }

  it("below a file, says which part of the path is the file (from SIGMOID_TRAINER_HOME)", async () => {
    const file = join(tempDir(), "progress");
    writeFileSync(file, "");
    const run = await runCli(["stats"], { env: { ...ENGLISH_ENV, SIGMOID_TRAINER_HOME: join(file, "deeper") } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `sigmoid-trainer: the data directory ${join(file, "deeper")} (SIGMOID_TRAINER_HOME) cannot be made: ${file} is a file\n`,
    );
  });
});

// Permission bits do not stop root; run the CLI as "nobody" where the tests run as root. The
// checkout itself may sit where nobody cannot read (root's home, a fresh `mktemp -d`), so nobody
// runs a copy of what the CLI needs (dist/, content/, package.json) in a directory anyone may read.
const nobodyCli = (() => {
  if (process.getuid?.() !== 0) return null;
  const copy = mkdtempSync(join(tmpdir(), "st-cli-for-nobody-"));
  chmodSync(copy, 0o755);
  for (const path of ["dist", "content", "package.json"]) cpSync(join(ROOT, path), join(copy, path), { recursive: true });
  const cli = join(copy, "dist", "cli.js");
  try {
    execFileSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, cli, "--version"], { stdio: "ignore" });
    return { cli, copy };
  } catch (error) {
    rmSync(copy, { recursive: true, force: true });
    console.warn(
      `skipped: the CLI could not be run as nobody (setpriv, or ${tmpdir()} not readable by others): ${(error as Error).message}`,
    );
    return null;
  }
})();

afterAll(() => {
  if (nobodyCli) rmSync(nobodyCli.copy, { recursive: true, force: true });
});

function runAsNobody(cli: string, args: string[]): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, cli, ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { PATH: process.env.PATH ?? "", LANG: "C.UTF-8", NO_COLOR: "1" },
    });
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("a data directory the learner cannot read", () => {
  it.runIf(nobodyCli !== null)("stats, export and reset exit 1 naming the unreadable file, instead of an empty history", () => {
    // Another user's directory (mode 700, owned by root), with answers in it.
    const dir = tempDir();
    createProgressStore({ dataDir: dir }).getState().recordAttempt(attemptInput());
    for (const [command, tail] of [
      ["stats", "nothing is shown rather than an empty history"],
      ["export", "nothing is shown rather than an empty history"],
      ["reset", "nothing was changed"],
    ] as const) {
      const run = runAsNobody(nobodyCli!.cli, [command, ...(command === "reset" ? ["--yes"] : []), "--data-dir", dir]);
      expect(run.code, command).toBe(1);
      expect(run.stdout, command).toBe("");
      expect(run.stderr).toContain(`sigmoid-trainer: ${command}: cannot read the progress, so ${tail}: `);
      expect(run.stderr).toContain(`${join(dir, "journal.jsonl")} (EACCES)`);
      // Nothing about a session or saving: these commands have neither.
      expect(run.stderr).not.toMatch(/session|Cannot save/);
      noTrace(run.stderr);
    }
  });
});
