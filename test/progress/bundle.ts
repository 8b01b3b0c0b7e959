// Child processes cannot import TypeScript on Node 20: bundle the progress module once per test file.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const WRITER = join(ROOT, "test/progress/fixtures/writer.mjs");

export async function bundleProgress(): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), "st-bundle-")), "progress.mjs");
  await build({
    absWorkingDir: ROOT,
    entryPoints: ["src/progress/index.ts"],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  });
  return outfile;
}

export interface Writer {
  /** Ids acknowledged so far (printed after recordAttempt returned). */
  acked: string[];
  stderr: () => string;
  exited: () => boolean;
  kill: () => void;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startWriter(bundle: string, dataDir: string, count: number, tag: string): Writer {
  const child = spawn(process.execPath, [WRITER, bundle, dataDir, String(count), tag], { stdio: ["ignore", "pipe", "pipe"] });
  const acked: string[] = [];
  let partial = "";
  let stderr = "";
  let exited = false;
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    acked.push(...lines);
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );
  return { acked, stderr: () => stderr, exited: () => exited, kill: () => child.kill("SIGKILL"), done };
}
