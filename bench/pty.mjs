// A pseudo-terminal for benchmarks without native modules: util-linux `script` allocates one,
// forwards our pipe into it as keystrokes and its screen output back to us.
import { spawn } from "node:child_process";

const shellQuote = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * Starts argv in a pty of the given size. Returns the child plus helpers to wait for output.
 * Time is measured from just before spawn, so `script`'s own cost is included; bare node is
 * measured through the same path, which keeps the ratios fair.
 */
export function startInPty(argv, { columns = 80, rows = 24, env = {} } = {}) {
  const command = `stty cols ${columns} rows ${rows}; exec ${argv.map(shellQuote).join(" ")}`;
  const childEnv = { ...process.env, ...env, TERM: "xterm-256color" };
  delete childEnv.CI;
  const started = process.hrtime.bigint();
  const child = spawn("script", ["-qfec", command, "/dev/null"], { env: childEnv, stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  const waiters = [];
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    output += chunk;
    for (const waiter of [...waiters]) waiter.check();
  });
  const exited = new Promise((resolve) => child.on("close", (code) => resolve(code)));
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
        const waiter = {
          check() {
            if (test(output.slice(since))) {
              clearTimeout(timer);
              waiters.splice(waiters.indexOf(waiter), 1);
              resolve(process.hrtime.bigint());
            }
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`pty: timed out; output tail: ${JSON.stringify(output.slice(-400))}`));
        }, timeoutMs);
        waiters.push(waiter);
        waiter.check();
      });
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
