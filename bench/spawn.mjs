// Timing a program through plain pipes (no terminal): what scripts and other programs see.
import { spawn } from "node:child_process";

/**
 * Milliseconds from spawn until `argv` exits. Rejects when it exits with a code other than
 * `expectCode`, so a broken command is never timed as a fast one.
 */
export function spawnToExit(argv, { env = {}, input = "", expectCode = 0, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stdout.resume();
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (expectCode !== null && code !== expectCode) {
        reject(new Error(`${argv.slice(1).join(" ")} exited with ${code}: ${stderr.trim().split("\n")[0] ?? ""}`));
      } else resolve(ms);
    });
    child.stdin.on("error", () => {});
    child.stdin.end(input);
  });
}
