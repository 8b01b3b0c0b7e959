// Saving that fails while the full screen is drawn: the warning shows in the header, and nothing
// is written to stderr (it would be drawn over, and push the screen out of place). The progress
// is opened as the trainer command opens it (openProgress), with writes that fail with ENOSPC
// while the disk is "full". (A journal that is a link to /dev/full is no longer followed.)
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { openProgress } from "../../src/cli/data-dir";
import type { CliIO } from "../../src/cli/io";
import { sigmoid } from "../../src/core/sigmoid";
import { type FileSystem, realFs } from "../../src/progress/fs-layer";
import { createTrainerContext } from "../../src/ui/context";
import { warningsToHeader } from "../../src/ui/run";
import { COURSE } from "../engine/fixtures";
import { KEYS, NOW, renderContext } from "./harness";

function shownX(frame: string): number {
  const match = /at x = ([−-]?[\d.]+)/.exec(frame);
  if (!match) throw new Error(`no x in the frame:\n${frame}`);
  return Number(match[1]!.replace("−", "-"));
}

function fullDisk() {
  const dir = mkdtempSync(join(tmpdir(), "st-ui-full-"));
  const disk = { full: true };
  const fs: FileSystem = {
    ...realFs,
    writeSync: ((...args: unknown[]) => {
      if (disk.full) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      return (realFs.writeSync as (...a: unknown[]) => number)(...args);
    }) as FileSystem["writeSync"],
  };
  let stderr = "";
  const err = new PassThrough();
  err.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const io: CliIO = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: err, env: {}, cwd: dir };
  const opened = openProgress({ "data-dir": dir, lang: "en" }, io, { fs });
  return { disk, opened, stderr: () => stderr };
}

async function practice(opened: ReturnType<typeof fullDisk>["opened"]) {
  const context = createTrainerContext({
    course: COURSE,
    progress: opened.store,
    settings: { lang: "en", ascii: false, color: false, screenReader: false },
    session: { seed: 7, count: 3, skills: ["sigmoid-value"] },
    now: () => NOW,
    size: { columns: 80, rows: 24 },
  });
  const restore = warningsToHeader(opened, context.ui);
  const t = await renderContext(context, { initial: "practice" });
  const answerRight = async () => {
    await t.type(sigmoid(shownX(t.frame())).toPrecision(3));
    await t.press(KEYS.enter);
  };
  return { ...t, restore, answerRight };
}

describe("warnings while the full screen is drawn", () => {
  it("a full disk: the header says saving stopped and why, the session goes on, stderr stays empty", async () => {
    const { opened, stderr } = fullDisk();
    const t = await practice(opened);
    await t.answerRight();
    const frame = t.frame();
    expect(frame).toContain("✓ correct");
    expect(frame.replace(/\n/g, " ")).toMatch(/⚠ Not saving: Cannot save progress: the disk is full \(.*journal/);
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("Question 2 of 3");
    expect(t.frame()).toContain("⚠ Not saving");
    expect(stderr()).toBe("");
    t.restore();
    t.unmount();
  });

  it("saving that works again is said in the header too (not on stderr), and gone on the next screen", async () => {
    const { disk, opened, stderr } = fullDisk();
    const t = await practice(opened);
    await t.answerRight();
    disk.full = false;
    await t.press(KEYS.enter);
    await t.answerRight();
    const frame = t.frame();
    expect(frame).not.toContain("Not saving");
    expect(frame).toContain("⚠ Saving works again; the 1 waiting change was saved.");
    // Esc: the session's end screen, then Home.
    await t.press(KEYS.escape, KEYS.escape);
    expect(t.frame()).not.toContain("Saving works again");
    expect(stderr()).toBe("");
    t.restore();
    t.unmount();
  });

  it("once the screen is gone, warnings go to stderr again", async () => {
    const { opened, stderr } = fullDisk();
    const t = await practice(opened);
    t.restore();
    t.unmount();
    // The first failed save after the screen: said on stderr, as by any command.
    opened.store.getState().setLessonPosition("first", 1);
    expect(stderr()).toMatch(/^sigmoid-trainer: Cannot save progress: the disk is full/);
  });
});
