// The process boundary, passed to every command so tests can run commands in-process.
import type { Writable } from "node:stream";
import type { CliIO } from "../app/launch";

export type { CliIO };

export type Command = (argv: readonly string[], io: CliIO) => Promise<number>;

/** A problem the user can fix (bad file, bad value): shown as one message, exit code 1. */
export class UserError extends Error {
  override name = "UserError";
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function writeLine(stream: Writable, text = ""): void {
  stream.write(`${text}\n`);
}
