// Reading a file that someone else may have made: only a regular file, only up to a size limit,
// and (when asked) never through a symbolic link. A FIFO would block the read for ever, a link
// to /dev/zero would never end, and a link to another file would read (and then quote) it.
import { errorCode, type FileSystem } from "./fs-layer";

/** Why a file was not read; `code` is also set on the thrown error. */
export type RefusedCode = "ENOTREG" | "EFBIG" | "ELOOP";

export class RefusedFileError extends Error {
  override name = "RefusedFileError";
  constructor(
    readonly code: RefusedCode,
    message: string,
  ) {
    super(message);
  }
}

export interface BoundedReadOptions {
  /** Bytes at most; a bigger file is refused without reading it. */
  limit: number;
  /** Refuse a symbolic link (O_NOFOLLOW) instead of reading what it points to. */
  noFollow?: boolean;
}

/** `16 MiB`, `600 MB`: a size as a person reads it. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

/**
 * The whole file, if it is a regular file of at most `limit` bytes. The file is opened without
 * blocking (a FIFO opens at once and is then refused) and checked on the open descriptor, so it
 * cannot be swapped between the check and the read. A file that grows while it is read is read
 * only as far as its size at the check.
 */
export function readBoundedFile(fs: FileSystem, path: string, options: BoundedReadOptions): Buffer {
  const { O_RDONLY, O_NONBLOCK, O_NOFOLLOW } = fs.constants;
  let fd: number;
  try {
    fd = fs.openSync(path, O_RDONLY | (O_NONBLOCK ?? 0) | (options.noFollow ? (O_NOFOLLOW ?? 0) : 0));
  } catch (error) {
    if (options.noFollow && errorCode(error) === "ELOOP") throw new RefusedFileError("ELOOP", "it is a symbolic link (not followed)");
    throw error;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: "EISDIR" });
    if (!stat.isFile()) throw new RefusedFileError("ENOTREG", `not a regular file (${kindOf(stat)})`);
    if (stat.size > options.limit) {
      throw new RefusedFileError("EFBIG", `too large (${sizeText(stat.size)}; at most ${sizeText(options.limit)} is read)`);
    }
    const buffer = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < buffer.length) {
      const n = fs.readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return buffer.subarray(0, filled);
  } finally {
    fs.closeSync(fd);
  }
}

function kindOf(stat: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "not a file";
}
