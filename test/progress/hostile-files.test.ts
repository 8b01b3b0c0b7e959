// A data directory that someone else has been at: a journal that is a link, a FIFO, a huge
// sparse file. Nothing is followed, nothing hangs, nothing is read into memory whole, and every
// case is said in one message; a full disk leaves no empty copy behind.
import { execFileSync } from "node:child_process";
import { lstatSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProgressStore, JOURNAL_FILE } from "../../src/progress";
import { type FileSystem, realFs } from "../../src/progress/fs-layer";
import { attemptInput, collectWarnings, tempDir } from "./helpers";

describe("a journal that is not a plain file of this directory", () => {
  it("a symbolic link is not followed: it is moved aside with a message, and the file it points at is never written", () => {
    const dir = tempDir();
    const elsewhere = join(tempDir(), "someone-elses-file");
    writeFileSync(elsewhere, "do not touch\n");
    symlinkSync(elsewhere, join(dir, JOURNAL_FILE));
    const { warnings, warn } = collectWarnings();
    const store = createProgressStore({ dataDir: dir, warn });
    store.getState().recordAttempt(attemptInput());
    expect(readFileSync(elsewhere, "utf8")).toBe("do not touch\n");
    expect(warnings.map((w) => w.kind)).toEqual(["unreadable"]);
    expect(warnings[0]!.message.en).toMatch(/symbolic link \(not followed\)\)\. It was moved to .*journal\.jsonl\.unreadable-/);
    expect(lstatSync(join(dir, JOURNAL_FILE)).isFile()).toBe(true);
    const aside = readdirSync(dir).find((f) => f.startsWith(`${JOURNAL_FILE}.unreadable-`))!;
    expect(lstatSync(join(dir, aside)).isSymbolicLink()).toBe(true);
    expect(createProgressStore({ dataDir: dir }).getState().attempts).toHaveLength(1);
  });

  it("a FIFO is refused at once instead of waiting for a writer", () => {
    const dir = tempDir();
    execFileSync("mkfifo", [join(dir, JOURNAL_FILE)]);
    const { warnings, warn } = collectWarnings();
    createProgressStore({ dataDir: dir, warn });
    expect(warnings[0]!.message.en).toContain("not a regular file (a FIFO)");
  });

  it("a 600 MB file (sparse: no disk used) is refused without being read", () => {
    const dir = tempDir();
    writeFileSync(join(dir, JOURNAL_FILE), "");
    truncateSync(join(dir, JOURNAL_FILE), 600 * 1024 * 1024);
    const { warnings, warn } = collectWarnings();
    const before = process.memoryUsage().rss;
    createProgressStore({ dataDir: dir, warn });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(warnings[0]!.message.en).toContain("too large (600 MiB; at most 128 MiB is read)");
  });
});

describe("a full disk while a damaged journal is copied", () => {
  it("leaves no empty journal.jsonl.corrupt-* copy", () => {
    const dir = tempDir();
    writeFileSync(join(dir, JOURNAL_FILE), "{not an event}\n");
    const fs: FileSystem = {
      ...realFs,
      writeSync: (() => {
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      }) as FileSystem["writeSync"],
    };
    const { warn } = collectWarnings();
    createProgressStore({ dataDir: dir, warn, fs });
    expect(readdirSync(dir)).toEqual([JOURNAL_FILE]);
  });
});
