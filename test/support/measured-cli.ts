// Runs the BUILT program through pipes, as runCli does, and also measures its peak memory: a
// preload module writes process.resourceUsage().maxRSS to a file as the process exits. (No
// timing: a test never asserts how fast something ran on a shared machine.)
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { CLI, type CliRun, ROOT } from "./cli";

export interface MeasuredRun extends CliRun {
  /** Peak resident memory of the program, in bytes. */
  peakBytes: number;
}

export interface MeasuredOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** stdin: a text, or a stream (piped, so a 200 MB input is never held whole by the test). */
  input?: string | Readable;
}

let preload: string | null = null;

function preloadModule(): string {
  if (preload) return preload;
  const dir = mkdtempSync(join(tmpdir(), "st-peak-"));
  preload = join(dir, "peak-memory.mjs");
  writeFileSync(
    preload,
    [
      'import { writeFileSync } from "node:fs";',
      "const out = process.env.SIGMOID_TEST_PEAK_FILE;",
      "if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS * 1024)));",
      "",
    ].join("\n"),
  );
  return preload;
}

export function runCliMeasured(args: readonly string[], options: MeasuredOptions = {}): Promise<MeasuredRun> {
  const peakFile = join(mkdtempSync(join(tmpdir(), "st-peak-out-")), "peak");
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", ...options.env, SIGMOID_TEST_PEAK_FILE: peakFile };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
    const child = spawn(process.execPath, ["--import", pathToFileURL(preloadModule()).href, CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      let peakBytes = Number.NaN;
      try {
        peakBytes = Number(readFileSync(peakFile, "utf8"));
      } catch {
        // Killed before it could say: NaN fails any bound.
      }
      resolve({ code, signal, stdout, stderr, peakBytes });
    });
    child.stdin.on("error", () => {}); // the program may exit before reading all input
    if (options.input === undefined || typeof options.input === "string") child.stdin.end(options.input ?? "");
    else options.input.on("error", () => {}).pipe(child.stdin);
  });
}
