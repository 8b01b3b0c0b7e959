// The real `serve` and real `quiz --join` clients, spawned from the built program through pipes:
// a server on a free port (`--port 0`) with its own database in a temporary directory, and
// learners whose stdout is read line by line as they answer.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI, ROOT } from "../support/cli";

export interface Ready {
  session: string;
  url: string;
  join: string;
  dashboard: string;
  token: string;
}

export interface Spawned {
  child: ChildProcessWithoutNullStreams;
  lines: string[];
  stderr: string[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the n-th line (0-based) of stdout once it is there. */
  line(n: number, timeoutMs?: number): Promise<string>;
  /** Resolves once stderr holds text matching `pattern`. */
  stderrMatching(pattern: RegExp, timeoutMs?: number): Promise<string>;
  send(text: string): void;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function spawnCli(args: readonly string[], env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", ...env } });
  const lines: string[] = [];
  const stderr: string[] = [];
  let partial = "";
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    partial += chunk;
    const parts = partial.split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
    wake();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr.push(chunk);
    wake();
  });
  child.stdin.on("error", () => {});
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => {
      wake();
      resolve({ code, signal });
    }),
  );
  let closed = false;
  child.on("close", () => {
    closed = true;
  });
  const waitUntil = <T>(check: () => T | undefined, what: string, timeoutMs: number): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(test);
        reject(new Error(`timed out waiting for ${what}; stdout:\n${lines.join("\n")}\nstderr:\n${stderr.join("")}`));
      }, timeoutMs);
      const test = () => {
        const value = check();
        if (value !== undefined) {
          clearTimeout(timer);
          waiters.delete(test);
          resolve(value);
        } else if (closed) {
          clearTimeout(timer);
          waiters.delete(test);
          reject(new Error(`exited while waiting for ${what}; stdout:\n${lines.join("\n")}\nstderr:\n${stderr.join("")}`));
        }
      };
      waiters.add(test);
      test();
    });
  return {
    child,
    lines,
    stderr,
    exit,
    line: (n, timeoutMs = 60_000) => waitUntil(() => lines[n], `stdout line ${n}`, timeoutMs),
    stderrMatching: (pattern, timeoutMs = 60_000) =>
      waitUntil(() => (pattern.test(stderr.join("")) ? stderr.join("") : undefined), String(pattern), timeoutMs),
    send: (text) => child.stdin.write(text),
  };
}

/** `serve --json --port 0` (or the port given) on `database`; resolves with the ready line. */
export async function startServer(args: readonly string[], database: string, port = 0): Promise<{ server: Spawned; ready: Ready }> {
  const server = spawnCli(["serve", "--json", "--port", String(port), "--database", database, ...args]);
  const first = await server.line(0, 120_000);
  return { server, ready: JSON.parse(first) as Ready };
}

export async function stop(process: Spawned, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (process.child.exitCode === null && process.child.signalCode === null) process.child.kill(signal);
  await process.exit;
}
