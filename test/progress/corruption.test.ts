// A damaged journal: an exact copy is kept aside and named on stderr (the warn callback), the
// trainer starts with every line that could be read, and nothing is overwritten.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProgressStore, JOURNAL_FILE } from "../../src/progress";
import { attemptInput, collectWarnings, tempDir } from "./helpers";

function seedJournal(dir: string, answers: string[]): void {
  const store = createProgressStore({ dataDir: dir });
  for (const answer of answers) store.getState().recordAttempt(attemptInput({ answer }));
}

describe("a truncated last line (a stop mid-write)", () => {
  it("is skipped and reported, every whole line is kept, and the next answer is not glued to it", () => {
    const dir = tempDir();
    seedJournal(dir, ["a1", "a2", "a3"]);
    const path = join(dir, JOURNAL_FILE);
    const whole = readFileSync(path);
    // Half of a fourth line, as a writer killed during write() could leave.
    const torn = Buffer.from('{"v":2,"type":"attempt","id":"x-9","session":"x","at":"2025-');
    writeFileSync(path, Buffer.concat([whole, torn]));
    const damaged = readFileSync(path);

    const { warnings, warn } = collectWarnings();
    const store = createProgressStore({ dataDir: dir, warn });
    expect(store.getState().attempts.map((a) => a.answer)).toEqual(["a1", "a2", "a3"]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.kind).toBe("truncated");
    expect(warnings[0]!.message.en).toMatch(/last line .* \(line 4\) was cut short/);
    expect(warnings[0]!.message.ja).toContain("4 行目");
    // The copy is exact and its path is in the message.
    expect(readFileSync(warnings[0]!.keptAt!)).toEqual(damaged);
    expect(warnings[0]!.message.en).toContain(warnings[0]!.keptAt!);

    store.getState().recordAttempt(attemptInput({ answer: "a4" }));
    const reopened = collectWarnings();
    const after = createProgressStore({ dataDir: dir, warn: reopened.warn });
    expect(after.getState().attempts.map((a) => a.answer)).toEqual(["a1", "a2", "a3", "a4"]);
    // Reported once: the damage is marked in the journal, so the next start is quiet.
    expect(reopened.warnings).toEqual([]);
    // The journal was only appended to: the original bytes are still its prefix.
    expect(readFileSync(path).subarray(0, damaged.length)).toEqual(damaged);
  });
});

describe("corrupt lines in the middle", () => {
  it("are kept aside byte for byte, reported with the copy's path, and every valid line is recovered", () => {
    const dir = tempDir();
    seedJournal(dir, ["a1", "a2"]);
    const path = join(dir, JOURNAL_FILE);
    appendFileSync(path, 'garbage that is not json\n{"v":2,"type":"attempt","id":"broken"}\n');
    appendFileSync(path, Buffer.from([0xff, 0xfe, 0x0a])); // not UTF-8
    const more = createProgressStore({ dataDir: tempDir() });
    more.getState().recordAttempt(attemptInput({ answer: "a3" }));
    appendFileSync(path, readFileSync(join(more.getState().dataDir!, JOURNAL_FILE)));
    const damaged = readFileSync(path);

    const { warnings, warn } = collectWarnings();
    const store = createProgressStore({ dataDir: dir, warn });
    expect(store.getState().attempts.map((a) => a.answer)).toEqual(["a1", "a2", "a3"]);
    expect(warnings.map((w) => w.kind)).toEqual(["corrupt"]);
    expect(warnings[0]!.message.en).toMatch(/^3 lines of .* \(line 3, 4, 5\) could not be read/);
    expect(readFileSync(warnings[0]!.keptAt!)).toEqual(damaged);
    expect(readdirSync(dir).filter((f) => f.startsWith(`${JOURNAL_FILE}.corrupt-`))).toHaveLength(1);
  });

  it("recovers a whole line written right after a torn one on the same line", () => {
    const dir = tempDir();
    const path = join(dir, JOURNAL_FILE);
    const other = tempDir();
    seedJournal(other, ["kept"]);
    const good = readFileSync(join(other, JOURNAL_FILE));
    writeFileSync(path, Buffer.concat([Buffer.from('{"v":2,"type":"attempt","id":"torn","ans'), good]));
    const { warnings, warn } = collectWarnings();
    const store = createProgressStore({ dataDir: dir, warn });
    expect(store.getState().attempts.map((a) => a.answer)).toEqual(["kept"]);
    expect(warnings).toHaveLength(1);
  });

  it("leaves lines from a newer version in place and says so", () => {
    const dir = tempDir();
    seedJournal(dir, ["a1"]);
    appendFileSync(join(dir, JOURNAL_FILE), '{"v":3,"type":"hologram","x":1}\n');
    const { warnings, warn } = collectWarnings();
    const store = createProgressStore({ dataDir: dir, warn });
    expect(store.getState().attempts).toHaveLength(1);
    expect(warnings.map((w) => w.kind)).toEqual(["newer-format"]);
    expect(warnings[0]!.message.en).toMatch(/newer sigmoid-trainer \(format 3\)/);
    expect(readdirSync(dir).some((f) => f.includes("corrupt"))).toBe(false);
  });
});

describe("an unreadable journal", () => {
  it("is moved aside whole, reported, and a new journal is started", () => {
    const dir = tempDir();
    const path = join(dir, JOURNAL_FILE);
    mkdirSync(path);
    writeFileSync(join(path, "inside"), "something");
    const { warnings, warn } = collectWarnings();
    const store = createProgressStore({ dataDir: dir, warn });
    expect(warnings.map((w) => w.kind)).toEqual(["unreadable"]);
    const movedTo = warnings[0]!.keptAt!;
    expect(readFileSync(join(movedTo, "inside"), "utf8")).toBe("something");
    expect(warnings[0]!.message.en).toContain(movedTo);
    store.getState().recordAttempt(attemptInput());
    expect(store.getState().saving).toBe("ok");
    expect(existsSync(path)).toBe(true);
    expect(createProgressStore({ dataDir: dir }).getState().attempts).toHaveLength(1);
  });
});
