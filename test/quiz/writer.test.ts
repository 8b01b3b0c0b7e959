// The result writer: whole snapshots only, never a clobbered file, a failed write leaves the
// previous snapshot readable.
import * as nodeFs from "node:fs";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FileSystem } from "../../src/progress/fs-layer";
import { parseResult } from "../../src/quiz/verify";
import { defaultResultPath, fileStamp, nameSlug, removeStaleTemporaries, ResultExistsError, ResultWriter } from "../../src/quiz/writer";
import { ALL_RIGHT, result, tempDir } from "./helpers";

describe("ResultWriter", () => {
  it("creates the directories and the file, then rewrites it in place", () => {
    const dir = tempDir();
    const path = join(dir, "quiz-results", "ann.json");
    const writer = new ResultWriter(path, false);
    writer.write(result("Ann", []));
    expect(parseResult(readFileSync(path, "utf8"))).toMatchObject({ ok: true, result: { name: "Ann" } });
    writer.write(result("Ann", ALL_RIGHT));
    const read = parseResult(readFileSync(path, "utf8"));
    expect(read.ok && read.result.questions.every((q) => q.status === "answered")).toBe(true);
    // No temporary file is left beside it.
    expect(readdirSync(join(dir, "quiz-results"))).toEqual(["ann.json"]);
  });

  it("never overwrites a file that was there before (--out)", () => {
    const dir = tempDir();
    const path = join(dir, "taken.json");
    writeFileSync(path, "someone else's result");
    const writer = new ResultWriter(path, false);
    expect(() => writer.write(result("Ann", []))).toThrow(ResultExistsError);
    expect(readFileSync(path, "utf8")).toBe("someone else's result");
    expect(readdirSync(dir)).toEqual(["taken.json"]);
  });

  it("picks -2, -3 ... beside an existing file for the default location", () => {
    const dir = tempDir();
    const path = join(dir, "ann-7-20260101T000000Z.json");
    writeFileSync(path, "old");
    writeFileSync(join(dir, "ann-7-20260101T000000Z-2.json"), "older");
    const writer = new ResultWriter(path, true);
    writer.write(result("Ann", []));
    expect(writer.file).toBe(join(dir, "ann-7-20260101T000000Z-3.json"));
    expect(readFileSync(path, "utf8")).toBe("old");
    writer.write(result("Ann", ALL_RIGHT));
    expect(parseResult(readFileSync(writer.file, "utf8")).ok).toBe(true);
  });

  it("a write that fails leaves the previous snapshot whole, and the next one succeeds", () => {
    const dir = tempDir();
    const path = join(dir, "ann.json");
    let failRename = false;
    const fs: FileSystem = {
      ...nodeFs,
      renameSync: (from, to) => {
        if (failRename) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
        nodeFs.renameSync(from, to);
      },
    };
    const writer = new ResultWriter(path, false, fs);
    const first = result("Ann", []);
    writer.write(first);
    failRename = true;
    expect(() => writer.write(result("Ann", ALL_RIGHT))).toThrow(/no space/);
    expect(parseResult(readFileSync(path, "utf8"))).toEqual({ ok: true, result: first });
    expect(readdirSync(dir)).toEqual(["ann.json"]);
    failRename = false;
    writer.write(result("Ann", ALL_RIGHT));
    expect(parseResult(readFileSync(path, "utf8"))).toMatchObject({ ok: true, result: { questions: [{ status: "answered" }, {}, {}] } });
  });
});

describe("default file name", () => {
  it("keeps letters of any script and digits, makes the rest dashes", () => {
    expect(nameSlug("Ann Lee")).toBe("Ann-Lee");
    expect(nameSlug('鈴木, "一郎"')).toBe("鈴木-一郎");
    expect(nameSlug("../../etc/passwd")).toBe("etc-passwd");
    expect(nameSlug("***")).toBe("learner");
    expect(nameSlug("ｆｕｌｌ")).toBe("full");
  });

  it("is <data-dir>/quiz-results/<name>-<seed>-<time>.json", () => {
    const at = Date.parse("2026-11-28T20:34:19.123Z");
    expect(fileStamp(at)).toBe("20261128T203419Z");
    expect(defaultResultPath("/data", "Ann Lee", 42, at)).toBe(join("/data", "quiz-results", "Ann-Lee-42-20261128T203419Z.json"));
    expect(existsSync("/data/quiz-results")).toBe(false);
  });
});

describe("temporary files", () => {
  it("a full disk while the temporary file is written leaves no temporary file, before or after the first snapshot", () => {
    const dir = tempDir();
    const path = join(dir, "ann.json");
    let full = true;
    const fs: FileSystem = {
      ...nodeFs,
      writeSync: ((fd: number, ...rest: unknown[]) => {
        if (full) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
        return (nodeFs.writeSync as (...args: unknown[]) => number)(fd, ...rest);
      }) as FileSystem["writeSync"],
    };
    const writer = new ResultWriter(path, false, fs);
    expect(() => writer.write(result("Ann", []))).toThrow(/no space/);
    expect(readdirSync(dir)).toEqual([]);
    full = false;
    writer.write(result("Ann", []));
    full = true;
    expect(() => writer.write(result("Ann", ALL_RIGHT))).toThrow(/no space/);
    expect(readdirSync(dir)).toEqual(["ann.json"]);
    expect(parseResult(readFileSync(path, "utf8")).ok).toBe(true);
  });

  it("temporary files of trainers that no longer run are removed by the next quiz; a running one's are kept", () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".bob-7-20260101T000000Z.json.4242.tmp"), "{");
    writeFileSync(join(dir, ".cy-7-20260101T000000Z.json.777.tmp"), "{");
    writeFileSync(join(dir, "notes.tmp"), "mine");
    expect(removeStaleTemporaries(nodeFs, dir, (pid) => pid === 777)).toEqual([".bob-7-20260101T000000Z.json.4242.tmp"]);
    expect(readdirSync(dir).sort()).toEqual([".cy-7-20260101T000000Z.json.777.tmp", "notes.tmp"]);
    // Through the writer, with real process ids: no process has id 2^22 + 1 on Linux (pid_max is
    // at most 2^22); the test's parent process runs.
    const running = `.eve-7-20260101T000000Z.json.${process.ppid}.tmp`;
    writeFileSync(join(dir, running), "{");
    writeFileSync(join(dir, `.dan-7-20260101T000000Z.json.${2 ** 22 + 1}.tmp`), "{");
    new ResultWriter(join(dir, "ann.json"), false).write(result("Ann", []));
    expect(readdirSync(dir)).toContain(running);
    expect(readdirSync(dir)).not.toContain(`.dan-7-20260101T000000Z.json.${2 ** 22 + 1}.tmp`);
    expect(readdirSync(dir)).toContain("ann.json");
  });
});
