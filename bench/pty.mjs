// A pseudo-terminal for benchmarks without native modules: util-linux `script` allocates one,
// forwards our pipe into it as keystrokes and its screen output back to us.
import { spawn, spawnSync } from "node:child_process";

const shellQuote = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** Screen output without escape sequences (colours, cursor moves, synchronized-update marks). */
export function stripAnsi(text) {
  return text
    .replace(/\x1b\[[0-9;?<>=]*[ -/]*[@-~]/g, "")
    .replace(/\x1b[()][A-Za-z0-9]/g, "")
    .replace(/\x1b[=>78]/g, "");
}

/** Why the pty cannot be used here, or null when `script` (util-linux) is available. */
export function ptyUnavailable() {
  const probe = spawnSync("script", ["-qfec", "true", "/dev/null"], { stdio: "ignore" });
  if (probe.error) return `util-linux "script" is not installed (${probe.error.code})`;
  return probe.status === 0 ? null : `"script -qfec true /dev/null" exited with ${probe.status}`;
}

/**
 * Starts argv in a pty of the given size. Returns the child plus helpers to wait for output.
 * Time is measured from just before spawn, so `script`'s own cost is included; bare node is
 * measured through the same path, which keeps the ratios fair. `env` values that are undefined
 * remove the variable (CI is always removed: Ink prints only the last frame under CI).
 */
export function startInPty(argv, { columns = 80, rows = 24, env = {} } = {}) {
  const command = `stty cols ${columns} rows ${rows}; exec ${argv.map(shellQuote).join(" ")}`;
  const childEnv = { ...process.env, TERM: "xterm-256color", ...env };
  for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];
  delete childEnv.CI;
  const started = process.hrtime.bigint();
  const child = spawn("script", ["-qfec", command, "/dev/null"], { env: childEnv, stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  const waiters = [];
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    output += chunk;
    for (const waiter of [...waiters]) waiter.check();
  });
  child.stdin.on("error", () => {});
  let exitCode;
  const exited = new Promise((resolve) =>
    child.on("close", (code) => {
      exitCode = code;
      for (const waiter of [...waiters]) waiter.closed();
      resolve(code);
    }),
  );
  return {
    child,
    started,
    exited,
    get output() {
      return output;
    },
    /** Resolves with the hrtime (ns) at which `test(output)` first holds after `since` chars. */
    waitFor(test, { since = 0, timeoutMs = 20_000 } = {}) {
      return new Promise((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          const at = waiters.indexOf(waiter);
          if (at >= 0) waiters.splice(at, 1);
        };
        const fail = (why) => {
          done();
          reject(new Error(`pty: ${why}; screen tail: ${JSON.stringify(stripAnsi(output.slice(-600)))}`));
        };
        const waiter = {
          check() {
            if (test(output.slice(since))) {
              done();
              resolve(process.hrtime.bigint());
            }
          },
          closed() {
            fail(`the program exited (code ${exitCode}) before the expected output`);
          },
        };
        const timer = setTimeout(() => fail(`timed out after ${timeoutMs} ms`), timeoutMs);
        waiters.push(waiter);
        waiter.check();
        if (exitCode !== undefined && waiters.includes(waiter)) waiter.closed();
      });
    },
    /** Like waitFor, on the output with escape sequences removed. */
    waitForText(text, options) {
      const test = typeof text === "string" ? (o) => stripAnsi(o).includes(text) : (o) => text.test(stripAnsi(o));
      return this.waitFor(test, options);
    },
    write(keys) {
      child.stdin.write(keys);
    },
    kill() {
      child.kill("SIGKILL");
    },
  };
}

/** Milliseconds from spawn until the program exits, in a pty. */
export async function timeToExit(argv, options) {
  const pty = startInPty(argv, options);
  await pty.exited;
  return Number(process.hrtime.bigint() - pty.started) / 1e6;
}
