// Runs the command line's `main` in the test's own process (no build, no child), with empty
// stdin and the output collected: for usage errors, which are decided before any I/O.
import { PassThrough, Writable } from "node:stream";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";

class Sink extends Writable {
  text = "";
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString("utf8");
    done();
  }
}

export async function runMain(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdin = new PassThrough();
  stdin.end("");
  const stdout = new Sink();
  const stderr = new Sink();
  const io: CliIO = { stdin, stdout, stderr, env: { LANG: "C.UTF-8" }, cwd: process.cwd() };
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
