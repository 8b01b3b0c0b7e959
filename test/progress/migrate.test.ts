// Format 1 (a single progress.json in zustand-persist shape) → format 2 (the journal).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProgressStore, JOURNAL_FILE, V1_FILE } from "../../src/progress";
import { migrateV1 } from "../../src/progress/migrate";
import { realFs } from "../../src/progress/fs-layer";
import { collectWarnings, fakeClock, tempDir } from "./helpers";

const V1 = {
  state: {
    attempts: [
      {
        template: "sigmoid-at-x",
        skill: "sigmoid-value",
        seed: 7,
        answer: "0.881",
        correct: true,
        hintsUsed: 0,
        seconds: 9.5,
        date: "2025-01-10T09:00:00.000Z",
      },
      {
        template: "derivative-at-x",
        skill: "derivative-value",
        seed: 8,
        answer: "0,105",
        correct: true,
        hintsUsed: 2,
        seconds: 40,
        date: "2025-01-10T09:01:00.000Z",
      },
      {
        template: "derivative-at-x",
        skill: "derivative-value",
        seed: 9,
        answer: "0.881",
        correct: false,
        hintsUsed: 0,
        seconds: 30,
        date: "2025-01-11T09:00:00.000Z",
      },
    ],
    lessons: { "why-derivatives": 2 },
    lang: "ja",
  },
  version: 1,
};

function writeV1(dir: string, content: unknown = V1): Buffer {
  const bytes = Buffer.from(JSON.stringify(content), "utf8");
  writeFileSync(join(dir, V1_FILE), bytes);
  return bytes;
}

describe("migration from format 1 (progress.json)", () => {
  it("imports attempts, lesson positions and language, keeping the old file byte for byte as a backup", () => {
    const dir = tempDir();
    const original = writeV1(dir);
    const { warnings, warn } = collectWarnings();
    const state = createProgressStore({ dataDir: dir, warn, now: fakeClock("2025-02-01T00:00:00.000Z").now }).getState();
    expect(state.attempts.map((a) => [a.templateId, a.answer, a.verdict, a.hints, a.ms, a.rating])).toEqual([
      ["sigmoid-at-x", "0.881", "correct", 0, 9500, 4],
      ["derivative-at-x", "0,105", "correct", 2, 40000, 2],
      ["derivative-at-x", "0.881", "incorrect", 0, 30000, 1],
    ]);
    expect(state.lessons).toEqual({ "why-derivatives": 2 });
    expect(state.settings.lang).toBe("ja");
    expect(Object.keys(state.cards).sort()).toEqual(["derivative-at-x", "sigmoid-at-x"]);
    expect(existsSync(join(dir, V1_FILE))).toBe(false);
    expect(readFileSync(join(dir, `${V1_FILE}.v1-backup`))).toEqual(original);
    expect(warnings.map((w) => w.kind)).toEqual(["migrated"]);
    expect(warnings[0]!.message.en).toMatch(/^Imported 3 answers from the old .*progress\.json\. The original is kept at .*v1-backup\.$/);
    // The next start reads the journal only, and quietly.
    const again = collectWarnings();
    expect(createProgressStore({ dataDir: dir, warn: again.warn }).getState().attempts).toHaveLength(3);
    expect(again.warnings).toEqual([]);
  });

  it("is not repeated when a run stopped after writing the journal but before renaming the old file", () => {
    const dir = tempDir();
    writeV1(dir);
    createProgressStore({ dataDir: dir });
    // Put the old file back, as if the rename had not happened.
    writeFileSync(join(dir, V1_FILE), readFileSync(join(dir, `${V1_FILE}.v1-backup`)));
    const state = createProgressStore({ dataDir: dir }).getState();
    expect(state.attempts).toHaveLength(3);
    expect(readFileSync(join(dir, JOURNAL_FILE), "utf8").match(/"type":"migrated"/g)).toHaveLength(1);
    expect(existsSync(join(dir, V1_FILE))).toBe(false);
  });

  it("adds to a journal that already exists, and counts each imported attempt once if imported twice", () => {
    const dir = tempDir();
    createProgressStore({ dataDir: dir }).getState().setSetting("ascii", true);
    const bytes = writeV1(dir);
    const clock = fakeClock();
    // Two trainers racing on the first start after an upgrade can both append the import.
    migrateV1(realFs, dir, clock.now(), () => {});
    writeFileSync(join(dir, V1_FILE), bytes);
    writeFileSync(
      join(dir, JOURNAL_FILE),
      readFileSync(join(dir, JOURNAL_FILE), "utf8").replace(/"sha256":"[0-9a-f]+"/, '"sha256":"other"'),
    );
    migrateV1(realFs, dir, clock.now(), () => {});
    const state = createProgressStore({ dataDir: dir }).getState();
    expect(state.attempts).toHaveLength(3);
    expect(state.settings).toEqual({ lang: "ja", ascii: true, name: null });
  });

  it("leaves out entries it cannot read and says how many", () => {
    const dir = tempDir();
    writeV1(dir, { ...V1, state: { ...V1.state, attempts: [...V1.state.attempts, { template: "x" }] } });
    const { warnings, warn } = collectWarnings();
    expect(createProgressStore({ dataDir: dir, warn }).getState().attempts).toHaveLength(3);
    expect(warnings[0]!.message.en).toContain("1 unreadable entry was left out");
  });

  it("moves a damaged progress.json aside unchanged and starts normally", () => {
    const dir = tempDir();
    const damaged = Buffer.from('{"state":{"attempts":[{"template":"sig', "utf8");
    writeFileSync(join(dir, V1_FILE), damaged);
    const { warnings, warn } = collectWarnings();
    const store = createProgressStore({ dataDir: dir, warn });
    expect(store.getState().attempts).toEqual([]);
    expect(warnings.map((w) => w.kind)).toEqual(["corrupt"]);
    expect(readFileSync(warnings[0]!.keptAt!)).toEqual(damaged);
    expect(warnings[0]!.message.en).toContain(warnings[0]!.keptAt!);
    expect(readdirSync(dir)).not.toContain(V1_FILE);
  });

  it("keeps the imported progress in memory when the journal cannot be written, and leaves progress.json for later", () => {
    const dir = tempDir();
    writeV1(dir);
    const fs = {
      ...realFs,
      openSync: ((path: string, ...rest: unknown[]) => {
        if (String(path).includes(JOURNAL_FILE)) throw Object.assign(new Error("read-only"), { code: "EROFS" });
        return (realFs.openSync as (...a: unknown[]) => number)(path, ...rest);
      }) as typeof realFs.openSync,
    };
    const { warnings, warn } = collectWarnings();
    const store = createProgressStore({ dataDir: dir, warn, fs });
    expect(store.getState().attempts).toHaveLength(3);
    expect(store.getState().saving).toBe("failed");
    expect(warnings.map((w) => w.kind)).toEqual(["save-failed"]);
    expect(existsSync(join(dir, V1_FILE))).toBe(true);
  });
});
