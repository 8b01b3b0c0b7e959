// A full disk or a read-only directory: a clear message first, then the session goes on in
// memory; if saving works again, the answers that waited are written.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createProgressStore, JOURNAL_FILE } from "../../src/progress";
import { type FileSystem, realFs } from "../../src/progress/fs-layer";
import { attemptInput, collectWarnings, tempDir } from "./helpers";

function failingWrites(code: string, state: { fail: boolean }): FileSystem {
  return {
    ...realFs,
    writeSync: ((...args: unknown[]) => {
      if (state.fail) throw Object.assign(new Error(`${code}: simulated`), { code });
      return (realFs.writeSync as (...a: unknown[]) => number)(...args);
    }) as FileSystem["writeSync"],
  };
}

describe("a full disk", () => {
  it("says so once, keeps the session going in memory", () => {
    const dir = tempDir();
    const { warnings, warn } = collectWarnings();
    const store = createProgressStore({ dataDir: dir, warn, fs: failingWrites("ENOSPC", { fail: true }) });
    expect(store.getState().saving).toBe("ok");
    const a = store.getState().recordAttempt(attemptInput());
    store.getState().recordAttempt(attemptInput());
    const state = store.getState();
    expect(state.saving).toBe("failed");
    expect(state.savingProblem?.code).toBe("ENOSPC");
    expect(state.savingProblem?.message.en).toMatch(/^Cannot save progress: the disk is full .*answers from now on are lost when you quit/);
    expect(state.savingProblem?.message.ja).toContain("ディスクがいっぱいです");
    expect(state.attempts.map((x) => x.id)).toContain(a.id);
    expect(state.unsaved).toBe(2);
    // Said once, before recordAttempt returned, not after every answer.
    expect(warnings.map((w) => w.kind)).toEqual(["save-failed"]);
  });

  it("writes the waiting answers, in order, once space is back", () => {
    const dir = tempDir();
    const disk = { fail: false };
    const { warnings, warn } = collectWarnings();
    const store = createProgressStore({ dataDir: dir, warn, fs: failingWrites("ENOSPC", disk) });
    store.getState().recordAttempt(attemptInput({ answer: "saved" }));
    disk.fail = true;
    store.getState().recordAttempt(attemptInput({ answer: "waited 1" }));
    store.getState().setLessonPosition("intro", 4);
    disk.fail = false;
    store.getState().recordAttempt(attemptInput({ answer: "after" }));
    expect(store.getState().saving).toBe("ok");
    expect(warnings.map((w) => w.kind)).toEqual(["save-failed", "save-resumed"]);
    expect(warnings[1]!.message.en).toBe("Saving works again; the 2 waiting changes were saved.");
    const reloaded = createProgressStore({ dataDir: dir }).getState();
    expect(reloaded.attempts.map((x) => x.answer)).toEqual(["saved", "waited 1", "after"]);
    expect(reloaded.lessons).toEqual({ intro: 4 });
  });

  it("after a short write, the torn line is ended so the next line is readable", () => {
    const dir = tempDir();
    let short = false;
    const fs: FileSystem = {
      ...realFs,
      writeSync: ((fd: number, data: unknown, ...rest: unknown[]) => {
        if (short && Buffer.isBuffer(data) && data.length > 1) {
          short = false;
          return realFs.writeSync(fd, data.subarray(0, 25));
        }
        return (realFs.writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
      }) as FileSystem["writeSync"],
    };
    const { warnings, warn } = collectWarnings();
    const store = createProgressStore({ dataDir: dir, warn, fs });
    store.getState().recordAttempt(attemptInput({ answer: "one" }));
    short = true;
    store.getState().recordAttempt(attemptInput({ answer: "two" }));
    expect(store.getState().saving).toBe("failed");
    store.getState().recordAttempt(attemptInput({ answer: "three" }));
    expect(store.getState().saving).toBe("ok");
    const loaded = collectWarnings();
    const reloaded = createProgressStore({ dataDir: dir, warn: loaded.warn }).getState();
    expect(reloaded.attempts.map((x) => x.answer)).toEqual(["one", "two", "three"]);
    // The 25 torn bytes are reported (and kept), not silently dropped.
    expect(loaded.warnings.map((w) => w.kind)).toEqual(["corrupt"]);
    expect(warnings.map((w) => w.kind)).toEqual(["save-failed", "save-resumed"]);
  });
});

describe("a read-only data directory", () => {
  for (const [code, text] of [
    ["EROFS", /is on a read-only file system/],
    ["EACCES", /no permission to write to/],
  ] as const) {
    it(`(${code}) gives a clear message and goes on in memory`, () => {
      const { warnings, warn } = collectWarnings();
      const store = createProgressStore({ dataDir: tempDir(), warn, fs: failingWrites(code, { fail: true }) });
      store.getState().recordAttempt(attemptInput());
      expect(store.getState().saving).toBe("failed");
      expect(store.getState().savingProblem?.code).toBe(code);
      expect(warnings[0]!.message.en).toMatch(text);
      expect(store.getState().attempts).toHaveLength(1);
    });
  }

  it("(a data directory path that runs through a file, ENOTDIR) says which path", () => {
    const base = tempDir();
    writeFileSync(join(base, "file"), "");
    const dir = join(base, "file", "data");
    const { warnings, warn } = collectWarnings();
    const store = createProgressStore({ dataDir: dir, warn });
    store.getState().recordAttempt(attemptInput());
    expect(store.getState().savingProblem?.code).toBe("ENOTDIR");
    expect(warnings[0]!.message.en).toContain(`part of ${join(dir, JOURNAL_FILE)} is a file`);
  });

  // Tests run as root, where permission bits do not stop writes; the immutable attribute does.
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) execFileSync("chattr", ["-R", "-i", d]);
  });
  const chattrWorks = (() => {
    try {
      const probe = tempDir();
      execFileSync("chattr", ["+i", probe], { stdio: "ignore" });
      execFileSync("chattr", ["-i", probe], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();

  it.runIf(chattrWorks)("(a real immutable directory and journal, EPERM) reads what is there and keeps going", () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    createProgressStore({ dataDir: dir })
      .getState()
      .recordAttempt(attemptInput({ answer: "before" }));
    execFileSync("chattr", ["+i", join(dir, JOURNAL_FILE), dir]);
    dirs.push(dir);
    const { warnings, warn } = collectWarnings();
    const store = createProgressStore({ dataDir: dir, warn });
    expect(store.getState().attempts.map((a) => a.answer)).toEqual(["before"]);
    store.getState().recordAttempt(attemptInput({ answer: "after" }));
    expect(store.getState().savingProblem?.code).toBe("EPERM");
    expect(warnings[0]!.message.en).toMatch(/^Cannot save progress: no permission to write to /);
    expect(store.getState().attempts.map((a) => a.answer)).toEqual(["before", "after"]);
    expect(readFileSync(join(dir, JOURNAL_FILE), "utf8")).not.toContain("after");
  });
});
