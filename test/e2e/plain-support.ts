// Driving the built CLI's plain mode through pipes, line by line, as a script or a bridge would:
// read what it asks, answer, read the feedback.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { logit, sigmoid, sigmoidDerivative } from "../../src/core/sigmoid";
import { CLI, ROOT } from "../support/cli";

export const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "st-plain-"));
}

/** Environment for a learner with an English locale (tests set what they need on top). */
export const ENGLISH_ENV = { LANG: "C.UTF-8", LC_ALL: undefined, LC_MESSAGES: undefined, SIGMOID_TRAINER_HOME: undefined };

export class LiveCli {
  private readonly queued: string[] = [];
  private readonly waiting: ((line: string | null) => void)[] = [];
  private closed = false;
  stderr = "";
  stdout = "";
  private readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    const rl = createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
    rl.on("line", (line) => {
      this.stdout += `${line}\n`;
      const resolve = this.waiting.shift();
      if (resolve) resolve(line);
      else this.queued.push(line);
    });
    rl.on("close", () => {
      this.closed = true;
      for (const resolve of this.waiting.splice(0)) resolve(null);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    child.stdin.on("error", () => {});
    this.exited = new Promise((resolve) => child.on("close", (code) => resolve(code)));
  }

  static start(args: readonly string[], env: Record<string, string | undefined> = {}): LiveCli {
    const merged: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", ...ENGLISH_ENV, ...env };
    for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
    return new LiveCli(spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: merged as NodeJS.ProcessEnv }));
  }

  /** The next stdout line, or null once stdout has closed. */
  nextLine(): Promise<string | null> {
    const line = this.queued.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async nextJson(): Promise<Record<string, unknown>> {
    const line = await this.nextLine();
    if (line === null) throw new Error(`stdout ended; stderr: ${this.stderr}`);
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`not a JSON line on stdout: ${line}`);
    }
  }

  /** Reads lines until one matches; returns every line read. */
  async readUntil(pattern: RegExp): Promise<string[]> {
    const lines: string[] = [];
    for (;;) {
      const line = await this.nextLine();
      if (line === null) throw new Error(`stdout ended before ${pattern}; got:\n${lines.join("\n")}\nstderr: ${this.stderr}`);
      lines.push(line);
      if (pattern.test(line)) return lines;
    }
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  end(): void {
    this.child.stdin.end();
  }

  /** Closes stdin and waits for the exit code, collecting the rest of stdout. */
  async finish(): Promise<{ code: number | null; rest: string[] }> {
    this.end();
    const rest: string[] = [];
    for (let line = await this.nextLine(); line !== null; line = await this.nextLine()) rest.push(line);
    return { code: await this.exited, rest };
  }
}

/**
 * The right answer to a question from its quantity and params, computed here from src/core's
 * σ and σ′ (not through the engine), with more figures than any question asks for.
 */
export function rightAnswer(quantity: string, params: Record<string, number>): string {
  const { x = Number.NaN, sigma: s = Number.NaN } = params;
  const n = (value: number) => value.toPrecision(10);
  switch (quantity) {
    case "sigmoid":
      return n(sigmoid(x));
    case "derivative":
      return n(sigmoidDerivative(x));
    case "derivative-from-output":
      return n(s * (1 - s));
    case "inner-derivative":
      return n(-Math.exp(-x));
    case "outer-derivative":
      return n(-((1 + Math.exp(-x)) ** -2));
    case "max-slope":
      return "0.25";
    case "logit":
      return n(logit(params.p!));
    case "backprop-local-gradient":
      return n(params.upstream! * s * (1 - s));
    case "gradient-descent-step": {
      const { w, x: input, y, t, lr } = params as Record<string, number>;
      return n(w! - lr! * (y! - t!) * y! * (1 - y!) * input!);
    }
    case "relu-derivative":
      return x > 0 ? "1" : "0";
    case "derivative-formula":
      return "s*(1-s)";
    default:
      throw new Error(`no right answer known for quantity ${quantity}`);
  }
}
