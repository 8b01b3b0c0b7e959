// Drives a program in a real pseudo-terminal through tmux, as a learner's terminal would.
// Each harness has its own tmux server socket, so parallel tests never see each other.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";

export interface TerminalOptions {
  columns: number;
  rows: number;
  env?: Record<string, string>;
  cwd?: string;
}

export class Terminal {
  private readonly socket = `st-${randomUUID().slice(0, 8)}`;
  private readonly session = "t";

  private constructor() {}

  /** Starts `command` (argv) in a fresh terminal of the given size. CI is unset: Ink would print only its last frame. */
  static start(command: readonly string[], options: TerminalOptions): Terminal {
    const terminal = new Terminal();
    const env = { ...options.env };
    const assignments = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`);
    const line = ["env", "-u", "CI", ...assignments, ...command.map(shellQuote)].join(" ");
    terminal.tmux([
      "new-session",
      "-d",
      "-s",
      terminal.session,
      "-x",
      String(options.columns),
      "-y",
      String(options.rows),
      ...(options.cwd ? ["-c", options.cwd] : []),
      // Keep the pane after the program exits so its last screen and status can be read.
      `${line}; echo "[exit $?]"; sleep 30`,
    ]);
    return terminal;
  }

  private tmux(args: readonly string[]): string {
    return execFileSync("tmux", ["-L", this.socket, "-f", "/dev/null", ...args], { encoding: "utf8" });
  }

  /** Keys in tmux send-keys syntax (e.g. "Enter", "Left", "C-c") or literal text with `literal`. */
  send(keys: string, literal = false): void {
    // "--": literal text may start with "-" (a negative answer), which tmux would take for a flag.
    this.tmux(["send-keys", "-t", this.session, ...(literal ? ["-l", "--", keys] : [keys])]);
  }

  /** Several keys in one send-keys call, so they reach the program in one write ("BSpace", "C-u"…). */
  press(...keys: string[]): void {
    this.tmux(["send-keys", "-t", this.session, ...keys]);
  }

  type(text: string): void {
    this.send(text, true);
  }

  screen(): string {
    return this.tmux(["capture-pane", "-p", "-t", this.session]);
  }

  resize(columns: number, rows: number): void {
    this.tmux(["resize-window", "-t", this.session, "-x", String(columns), "-y", String(rows)]);
  }

  /** Waits until the screen matches, polling; fails with the last screen so a broken frame is visible. */
  async waitFor(pattern: RegExp | string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = "";
    while (Date.now() < deadline) {
      last = this.screen();
      if (typeof pattern === "string" ? last.includes(pattern) : pattern.test(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${String(pattern)}; screen was:\n${last}`);
  }

  close(): void {
    try {
      this.tmux(["kill-server"]);
    } catch {
      // Already gone: nothing to clean up.
    }
  }
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
