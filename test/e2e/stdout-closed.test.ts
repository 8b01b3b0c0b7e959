// The reader of stdout goes away (`| head -1`): the command stops quietly, exit 0, no stack trace.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CLI, ROOT, runCli } from "../support/cli";
import { ENGLISH_ENV, tempDataDir } from "./plain-support";

function readFirstChunkThenHangUp(args: string[], input: string): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", ...ENGLISH_ENV };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: env as NodeJS.ProcessEnv });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.stdout.once("data", () => child.stdout.destroy());
    child.stdin.on("error", () => {});
    child.stdin.end(input);
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe("a closed stdout", () => {
  it("ends calc quietly", async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => String(i / 1000)).join("\n");
    const run = await readFirstChunkThenHangUp(["calc"], `${lines}\n`);
    expect(run).toMatchObject({ code: 0, signal: null });
    expect(run.stderr).not.toMatch(/EPIPE|\n\s+at |internal error/);
  });

  it("ends a piped practice session quietly, the answers given so far saved", async () => {
    const run = await readFirstChunkThenHangUp(
      ["practice", "--count", "200", "--seed", "1", "--data-dir", tempDataDir()],
      "0.5\n".repeat(5000),
    );
    expect(run).toMatchObject({ code: 0, signal: null });
    expect(run.stderr).not.toMatch(/EPIPE|\n\s+at |internal error/);
  });
});

describe("a closed stderr", () => {
  it("does not end a piped practice session: every answer is graded and saved, exit 0", async () => {
    const dataDir = tempDataDir();
    const run = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", ...ENGLISH_ENV };
      for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
      const child = spawn(process.execPath, [CLI, "practice", "--count", "3", "--seed", "1", "--data-dir", dataDir], {
        cwd: ROOT,
        env: env as NodeJS.ProcessEnv,
      });
      // The notice "not a terminal: plain mode" goes to a stderr nobody reads any more.
      child.stderr.destroy();
      let stdout = "";
      child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
      child.stdin.end("0.5\n0.5\n0.5\n");
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout }));
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Done: 0 of 3 answers correct/);
    const stats = await runCli(["stats", "--json", "--data-dir", dataDir]);
    expect(JSON.parse(stats.stdout).attempts).toBe(3);
  });
});

describe("calc with a huge input", () => {
  it("prints a table of 200,000 rows instead of overflowing the call stack", async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => String(i - 100_000)).join("\n");
    const run = await runCli(["calc"], { input: `${lines}\n` });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const rows = run.stdout.trimEnd().split("\n");
    expect(rows).toHaveLength(200_001);
    expect(rows.at(-1)).toMatch(/^ {2}99999 {2}1 +0$/);
  });
});
