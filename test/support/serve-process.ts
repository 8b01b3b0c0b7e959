// A `serve` process from the built program (dist/cli.js), for end-to-end tests: started with
// its arguments, ready once its first stdout line (the ready line of --json) has come.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { CLI, ROOT } from "./cli";

export interface ReadyLine {
  type: "ready";
  session: string;
  url: string;
  join: string;
  dashboard: string;
  token: string;
}

export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  ready: ReadyLine;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Servers still running: a test that fails before it stops its server must not leave it behind. */
const running = new Set<ChildProcessWithoutNullStreams>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export function startServe(args: readonly string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "serve", "--json", "--port", "0", ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1", ...env },
    });
    running.add(child);
    child.on("close", () => running.delete(child));
    let stdout = "";
    let stderr = "";
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.on("close", (code, signal) => done({ code, signal })),
    );
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`serve was not ready in ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      const first = stdout === "" || !stdout.includes("\n");
      stdout += chunk;
      if (first && stdout.includes("\n")) {
        clearTimeout(timer);
        try {
          const ready = JSON.parse(stdout.slice(0, stdout.indexOf("\n"))) as ReadyLine;
          resolve({ child, ready, stdout: () => stdout, stderr: () => stderr, exited });
        } catch (error) {
          reject(error);
        }
      }
    });
    exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before it was ready: ${stderr}`));
    });
  });
}

/** JSON over HTTP with a learner's or the instructor's token. */
export async function call(
  url: string,
  options: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: ReturnType<typeof JSON.parse> }> {
  const response = await fetch(url, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: ReturnType<typeof JSON.parse> = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the text itself
  }
  return { status: response.status, body };
}
