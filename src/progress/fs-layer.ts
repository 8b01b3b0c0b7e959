// The synchronous file calls the progress files need, passed in so tests can make a call fail
// (a full disk, a short write) without needing a full disk.
import * as nodeFs from "node:fs";

export type FileSystem = Pick<
  typeof nodeFs,
  | "openSync"
  | "closeSync"
  | "readSync"
  | "writeSync"
  | "fsyncSync"
  | "fstatSync"
  | "statSync"
  | "mkdirSync"
  | "renameSync"
  | "linkSync"
  | "unlinkSync"
  | "readdirSync"
  | "constants"
>;

export const realFs: FileSystem = nodeFs;

export function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
}
