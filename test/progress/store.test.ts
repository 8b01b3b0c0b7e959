import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProgressStore, JOURNAL_FILE } from "../../src/progress";
import { realFs } from "../../src/progress/fs-layer";
import { attemptInput, collectWarnings, DAY, fakeClock, tempDir } from "./helpers";

function journalLines(dir: string): unknown[] {
  return readFileSync(join(dir, JOURNAL_FILE), "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l));
}

describe("progress store", () => {
  it("keeps attempts, lesson positions and settings across a restart", () => {
    const dir = tempDir();
    const clock = fakeClock();
    const store = createProgressStore({ dataDir: dir, now: clock.now });
    store.getState().recordAttempt(attemptInput({ answer: "０．８８１" }));
    clock.advance(30_000);
    store.getState().recordAttempt(
      attemptInput({
        verdict: "incorrect",
        mistake: "complement",
        answer: "0.119",
        templateId: "derivative-at-x",
        skill: "derivative-value",
      }),
    );
    store.getState().setLessonPosition("chain-rule", 3);
    store.getState().setSetting("lang", "ja");
    store.getState().setSetting("ascii", true);
    store.getState().setSetting("name", "花子");

    const again = createProgressStore({ dataDir: dir, now: clock.now });
    const state = again.getState();
    expect(state.attempts.map((a) => [a.answer, a.verdict, a.mistake])).toEqual([
      ["０．８８１", "correct", null],
      ["0.119", "incorrect", "complement"],
    ]);
    expect(state.lessons).toEqual({ "chain-rule": 3 });
    expect(state.settings).toEqual({ lang: "ja", ascii: true, name: "花子" });
    // The schedule is rebuilt from the attempts exactly as it was live.
    expect(state.cards).toEqual(store.getState().cards);
    expect(state.ratings).toEqual(store.getState().ratings);
  });

  it("has the attempt written and fsynced before recordAttempt returns", () => {
    const dir = tempDir();
    const calls: string[] = [];
    const fs = {
      ...realFs,
      writeSync: ((...args: Parameters<typeof realFs.writeSync>) => {
        calls.push("write");
        return (realFs.writeSync as (...a: unknown[]) => number)(...args);
      }) as typeof realFs.writeSync,
      fsyncSync: (fd: number) => {
        calls.push("fsync");
        realFs.fsyncSync(fd);
      },
    };
    const store = createProgressStore({ dataDir: dir, fs });
    const attempt = store.getState().recordAttempt(attemptInput());
    // One write for the line, then fsync of the file, then of the directory the file was created in.
    expect(calls).toEqual(["write", "fsync", "fsync"]);
    expect(journalLines(dir)).toEqual([expect.objectContaining({ v: 2, type: "attempt", id: attempt.id, answer: "0.881" })]);
    calls.length = 0;
    store.getState().recordAttempt(attemptInput());
    expect(calls).toEqual(["write", "fsync"]);
  });

  it("creates a missing data directory and fsyncs each parent whose entries it added", () => {
    const base = tempDir();
    const dir = join(base, "a", "b");
    const synced: string[] = [];
    const fds = new Map<number, string>();
    const fs = {
      ...realFs,
      openSync: ((path: string, ...rest: unknown[]) => {
        const fd = (realFs.openSync as (...a: unknown[]) => number)(path, ...rest);
        fds.set(fd, String(path));
        return fd;
      }) as typeof realFs.openSync,
      fsyncSync: (fd: number) => {
        synced.push(fds.get(fd) ?? "?");
        realFs.fsyncSync(fd);
      },
    };
    createProgressStore({ dataDir: dir, fs }).getState().recordAttempt(attemptInput());
    expect(synced).toEqual([join(base, "a"), base, join(dir, JOURNAL_FILE), dir]);
  });

  it("writes `v` first on every line, so a line can be found after a torn one", () => {
    const dir = tempDir();
    const store = createProgressStore({ dataDir: dir });
    store.getState().recordAttempt(attemptInput());
    store.getState().setLessonPosition("intro", 1);
    for (const line of readFileSync(join(dir, JOURNAL_FILE), "utf8").trimEnd().split("\n")) expect(line.startsWith('{"v":2,')).toBe(true);
  });

  it("refuses invalid input as an attempt, and values that would not read back", () => {
    const store = createProgressStore({ dataDir: tempDir() });
    expect(() => store.getState().recordAttempt(attemptInput({ verdict: "invalid" as never }))).toThrow(/not graded/);
    expect(() => store.getState().recordAttempt(attemptInput({ ms: Number.NaN }))).toThrow(/ms/);
    expect(() => store.getState().recordAttempt(attemptInput({ params: { x: Number.POSITIVE_INFINITY } }))).toThrow(/params/);
    expect(store.getState().attempts).toEqual([]);
  });

  it("gives each attempt a unique id and stamps the time from the clock", () => {
    const clock = fakeClock("2025-05-05T08:00:00.000Z");
    const store = createProgressStore({ dataDir: tempDir(), now: clock.now, session: "s1" });
    const a = store.getState().recordAttempt(attemptInput());
    clock.advance(DAY);
    const b = store.getState().recordAttempt(attemptInput());
    expect([a.id, b.id]).toEqual(["s1-1", "s1-2"]);
    expect([a.at, b.at]).toEqual(["2025-05-05T08:00:00.000Z", "2025-05-06T08:00:00.000Z"]);
  });

  it("notifies subscribers (what useStore relies on) after each action", () => {
    const store = createProgressStore({ dataDir: null });
    const seen: number[] = [];
    store.subscribe((state) => seen.push(state.attempts.length));
    store.getState().recordAttempt(attemptInput());
    store.getState().recordAttempt(attemptInput());
    expect(seen).toEqual([1, 2]);
    expect(store.getState().saving).toBe("off");
  });

  it("sees what another store on the same directory saved after reload()", () => {
    const dir = tempDir();
    const a = createProgressStore({ dataDir: dir });
    const b = createProgressStore({ dataDir: dir });
    a.getState().recordAttempt(attemptInput({ answer: "from a" }));
    b.getState().recordAttempt(attemptInput({ answer: "from b" }));
    a.getState().reload();
    expect(a.getState().attempts.map((x) => x.answer)).toEqual(["from a", "from b"]);
  });

  it("warns about nothing on a clean start", () => {
    const dir = tempDir();
    const { warnings, warn } = collectWarnings();
    createProgressStore({ dataDir: dir, warn }).getState().recordAttempt(attemptInput());
    createProgressStore({ dataDir: dir, warn });
    expect(warnings).toEqual([]);
  });
});

describe("reset", () => {
  it("keeps a byte-for-byte backup of the journal, then forgets everything but settings", () => {
    const dir = tempDir();
    const store = createProgressStore({ dataDir: dir });
    store.getState().recordAttempt(attemptInput());
    store.getState().setLessonPosition("intro", 2);
    store.getState().setSetting("lang", "en");
    const before = readFileSync(join(dir, JOURNAL_FILE));
    const result = store.getState().reset();
    expect(result.removed).toBe(1);
    expect(result.backupDir).not.toBeNull();
    expect(readFileSync(join(result.backupDir!, JOURNAL_FILE))).toEqual(before);
    for (const s of [store.getState(), createProgressStore({ dataDir: dir }).getState()]) {
      expect(s.attempts).toEqual([]);
      expect(s.cards).toEqual({});
      expect(s.lessons).toEqual({});
      expect(s.settings.lang).toBe("en");
    }
  });

  it("forgets one skill's attempts and cards only", () => {
    const dir = tempDir();
    const store = createProgressStore({ dataDir: dir });
    store.getState().recordAttempt(attemptInput({ templateId: "t-sig", skill: "sigmoid-value" }));
    store.getState().recordAttempt(attemptInput({ templateId: "t-der", skill: "derivative-value" }));
    store.getState().reset({ skill: "sigmoid-value" });
    const s = createProgressStore({ dataDir: dir }).getState();
    expect(s.attempts.map((a) => a.skill)).toEqual(["derivative-value"]);
    expect(Object.keys(s.cards)).toEqual(["t-der"]);
  });
});

describe("progress store: choice checks answered in lessons", () => {
  it("keeps each lesson step whose choice was answered across a restart, once each, and forgets them on a full reset", () => {
    const dir = tempDir();
    const clock = fakeClock();
    const store = createProgressStore({ dataDir: dir, now: clock.now });
    store.getState().recordChoice("chain-rule", "pick-outer", 2, false);
    store.getState().recordChoice("chain-rule", "pick-outer", 1, true);
    store.getState().recordChoice("intro", "what-is-sigma", 0, true);
    expect(store.getState().choices).toEqual({ "chain-rule": ["pick-outer"], intro: ["what-is-sigma"] });
    // Every answer is a line of its own (what was picked, and whether it was right).
    expect(journalLines(dir).filter((l) => (l as { type: string }).type === "choice")).toEqual([
      expect.objectContaining({ v: 2, type: "choice", lessonId: "chain-rule", stepId: "pick-outer", chosen: 2, correct: false }),
      expect.objectContaining({ lessonId: "chain-rule", stepId: "pick-outer", chosen: 1, correct: true }),
      expect.objectContaining({ lessonId: "intro", stepId: "what-is-sigma", chosen: 0, correct: true }),
    ]);

    const again = createProgressStore({ dataDir: dir, now: clock.now });
    expect(again.getState().choices).toEqual({ "chain-rule": ["pick-outer"], intro: ["what-is-sigma"] });
    // A reset of one skill keeps them (they belong to no skill); a full reset forgets them, live and on replay.
    again.getState().reset({ skill: "sigmoid-value" });
    expect(again.getState().choices).toEqual({ "chain-rule": ["pick-outer"], intro: ["what-is-sigma"] });
    again.getState().reset();
    expect(again.getState().choices).toEqual({});
    expect(createProgressStore({ dataDir: dir, now: clock.now }).getState().choices).toEqual({});
  });

  it("reads a journal written before choices were saved (no choice lines) with none answered", () => {
    const dir = tempDir();
    const store = createProgressStore({ dataDir: dir, now: fakeClock().now });
    store.getState().setLessonPosition("intro", 4);
    const again = createProgressStore({ dataDir: dir, now: fakeClock().now });
    expect(again.getState().lessons).toEqual({ intro: 4 });
    expect(again.getState().choices).toEqual({});
  });
});
