// stats, export and reset as a user runs them: the built bundle, spawned through pipes, on a
// data directory written by the progress store.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createProgressStore, JOURNAL_FILE } from "../../src/progress";
import { parseCsv } from "../../src/progress/csv";
import { attemptInput, tempDir } from "../progress/helpers";
import { runCli } from "../support/cli";
import { packagesBundledFor } from "./bundle-support";

/** A learner's data: answers over two skills, typed the way learners type. */
function seed(dir: string): void {
  const store = createProgressStore({ dataDir: dir });
  const r = store.getState().recordAttempt;
  r(attemptInput({ templateId: "sig-at-x", skill: "sigmoid-value", answer: "0.881", ms: 5_000 }));
  r(
    attemptInput({
      templateId: "sig-at-x",
      skill: "sigmoid-value",
      seed: 2,
      answer: '0,5 "half"',
      verdict: "incorrect",
      mistake: "derivative-instead-of-sigmoid",
    }),
  );
  r(attemptInput({ templateId: "der-at-x", skill: "derivative-value", answer: "０．１０５", verdict: "imprecise", hints: 1 }));
  r(
    attemptInput({
      templateId: "der-at-x",
      skill: "derivative-value",
      seed: 3,
      answer: "0.119",
      verdict: "incorrect",
      mistake: "complement",
    }),
  );
  store.getState().setLessonPosition("chain-rule", 2);
}

const noTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |internal error/);

describe("stats", () => {
  it("--json on an empty directory gives zeros and creates nothing", async () => {
    const dir = join(tempDir(), "not-yet");
    const run = await runCli(["stats", "--json", "--data-dir", dir]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toMatchObject({ attempts: 0, correct: 0, due: 0, skills: {}, streak: 0, mistakes: {} });
    expect(existsSync(dir)).toBe(false);
  });

  it("--json gives totals, per-skill accuracy, streak, mistakes by id and what is due", async () => {
    const dir = tempDir();
    seed(dir);
    const run = await runCli(["stats", "--json", "--data-dir", dir]);
    expect(run.code).toBe(0);
    const stats = JSON.parse(run.stdout);
    expect(stats).toMatchObject({ attempts: 4, correct: 1, streak: 1, dataDir: dir });
    expect(typeof stats.due).toBe("number");
    expect(stats.skills["sigmoid-value"]).toMatchObject({ attempts: 2, correct: 1, accuracy: 0.5 });
    expect(stats.skills["derivative-value"]).toMatchObject({ attempts: 2, correct: 0, imprecise: 1, accuracy: 0, hints: 1 });
    expect(stats.mistakes).toEqual({ complement: 1, "derivative-instead-of-sigmoid": 1 });
  });

  it("reads the text in English or Japanese", async () => {
    const dir = tempDir();
    seed(dir);
    const en = await runCli(["stats", "--data-dir", dir, "--lang", "en"]);
    expect(en.stdout).toContain("Answers: 4 (1 correct, 25%)");
    expect(en.stdout).toContain("  Value of σ(x) [sigmoid-value]\n    2 answers, 1 correct (50%)\n");
    expect(en.stdout).toContain("  1 − σ(x) by mistake: 1\n");
    const ja = await runCli(["stats", "--data-dir", dir, "--lang", "ja"]);
    expect(ja.stdout).toContain("解答: 4 件（正解 1 件、25%）");
    expect(ja.stdout).toContain("連続日数: 1 日");
  });

  it("finds the data through SIGMOID_TRAINER_HOME, else XDG_STATE_HOME", async () => {
    const home = tempDir();
    seed(home);
    const viaEnv = await runCli(["stats", "--json"], { env: { SIGMOID_TRAINER_HOME: home } });
    expect(JSON.parse(viaEnv.stdout)).toMatchObject({ attempts: 4, dataDir: home });
    const state = tempDir();
    seed(join(state, "sigmoid-trainer"));
    const viaXdg = await runCli(["stats", "--json"], { env: { SIGMOID_TRAINER_HOME: undefined, XDG_STATE_HOME: state } });
    expect(JSON.parse(viaXdg.stdout)).toMatchObject({ attempts: 4, dataDir: join(state, "sigmoid-trainer") });
  });

  it("on a damaged journal names the kept copy on stderr and counts what was recovered", async () => {
    const dir = tempDir();
    seed(dir);
    writeFileSync(join(dir, JOURNAL_FILE), `${readFileSync(join(dir, JOURNAL_FILE), "utf8")}{"v":2,"type":"att`);
    const run = await runCli(["stats", "--json", "--data-dir", dir, "--lang", "en"]);
    expect(run.code).toBe(0);
    const copy = readdirSync(dir).find((f) => f.startsWith(`${JOURNAL_FILE}.corrupt-`));
    expect(copy).toBeDefined();
    expect(run.stderr).toContain(join(dir, copy!));
    expect(run.stderr).toMatch(/^sigmoid-trainer: The last line of .* was cut short/);
    expect(JSON.parse(run.stdout).attempts).toBe(4);
  });

  it("rejects an unknown language with a usage error", async () => {
    const run = await runCli(["stats", "--lang", "fr", "--data-dir", tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--lang takes ja or en, got "fr"');
    noTrace(run.stderr);
  });
});

describe("export", () => {
  it("--format csv writes a header and one RFC 4180 row per attempt, answers intact", async () => {
    const dir = tempDir();
    seed(dir);
    const run = await runCli(["export", "--format", "csv", "--data-dir", dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^id,session,at,mode,templateId,skill,seed,params,part,parts,answer,verdict,mistake,hints,ms,rating\r\n/);
    expect(run.stdout).toContain('"0,5 ""half"""');
    const [header, ...rows] = parseCsv(run.stdout);
    const answer = header!.indexOf("answer");
    expect(rows.map((r) => r[answer])).toEqual(["0.881", '0,5 "half"', "０．１０５", "0.119"]);
    expect(rows.map((r) => r[header!.indexOf("params")])).toEqual(Array(4).fill('{"x":2}'));
  });

  it("--format json (the default) gives the same rows", async () => {
    const dir = tempDir();
    seed(dir);
    const run = await runCli(["export", "--data-dir", dir]);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ kind: "sigmoid-trainer-attempts", version: 1 });
    expect(out.attempts.map((r: { answer: string; verdict: string }) => [r.answer, r.verdict])).toEqual([
      ["0.881", "correct"],
      ['0,5 "half"', "incorrect"],
      ["０．１０５", "imprecise"],
      ["0.119", "incorrect"],
    ]);
  });

  it("rejects an unknown format", async () => {
    const run = await runCli(["export", "--format", "xml", "--data-dir", tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format takes json or csv, got "xml"');
  });
});

describe("reset", () => {
  it("without a terminal and without --yes refuses, exits 2 and changes nothing", async () => {
    const dir = tempDir();
    seed(dir);
    const before = readFileSync(join(dir, JOURNAL_FILE));
    const run = await runCli(["reset", "--data-dir", dir, "--lang", "en"], { input: "y\n" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no terminal to confirm on, so nothing was reset. Add --yes to confirm.");
    expect(readFileSync(join(dir, JOURNAL_FILE))).toEqual(before);
  });

  it("--yes keeps a backup, says where, and forgets the progress", async () => {
    const dir = tempDir();
    seed(dir);
    const before = readFileSync(join(dir, JOURNAL_FILE));
    const run = await runCli(["reset", "--yes", "--data-dir", dir, "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Reset all progress (4 answers and lesson positions).");
    const backup = /Backup: (.*)/.exec(run.stdout)?.[1];
    expect(backup).toBeDefined();
    expect(readFileSync(join(backup!, JOURNAL_FILE))).toEqual(before);
    const stats = JSON.parse((await runCli(["stats", "--json", "--data-dir", dir])).stdout);
    expect(stats.attempts).toBe(0);
  });

  it("--skill forgets one skill only", async () => {
    const dir = tempDir();
    seed(dir);
    const run = await runCli(["reset", "--skill", "sigmoid-value", "--yes", "--data-dir", dir, "--lang", "en"]);
    expect(run.code).toBe(0);
    const stats = JSON.parse((await runCli(["stats", "--json", "--data-dir", dir])).stdout);
    expect(Object.keys(stats.skills)).toEqual(["derivative-value"]);
    expect(stats.attempts).toBe(2);
  });

  it("--skill with no progress says which skills have some, exit 1", async () => {
    const dir = tempDir();
    seed(dir);
    const run = await runCli(["reset", "--skill", "sigmoid-valeu", "--yes", "--data-dir", dir, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no progress recorded for skill "sigmoid-valeu" (skills with progress: derivative-value, sigmoid-value)');
    noTrace(run.stderr);
  });
});

describe("on a read-only data directory", () => {
  // Tests run as root, where permission bits do not stop writes; the immutable attribute does.
  const locked: string[] = [];
  afterEach(() => {
    for (const d of locked.splice(0)) execFileSync("chattr", ["-R", "-i", d]);
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

  it.runIf(chattrWorks)("stats still reads it; reset refuses because it cannot keep a backup, and changes nothing", async () => {
    const dir = tempDir();
    seed(dir);
    execFileSync("chattr", ["+i", join(dir, JOURNAL_FILE), dir]);
    locked.push(dir);
    const stats = await runCli(["stats", "--json", "--data-dir", dir]);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout).attempts).toBe(4);
    const run = await runCli(["reset", "--yes", "--data-dir", dir, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^sigmoid-trainer: reset: could not make a backup, so nothing was reset \(.*EPERM/);
    noTrace(run.stderr);
    execFileSync("chattr", ["-R", "-i", dir]);
    expect(JSON.parse((await runCli(["stats", "--json", "--data-dir", dir])).stdout).attempts).toBe(4);
  });
});

describe("commands without a screen", () => {
  it("never load Ink or React: no chunk they import statically bundles them", () => {
    for (const command of ["stats", "export", "reset"]) {
      const packages = packagesBundledFor(command);
      expect(packages, `a ${command} chunk`).toBeDefined();
      // The walk does see bundled packages (the store's zustand), so an absent Ink is really absent.
      expect(packages, command).toContain("zustand");
      for (const ui of ["ink", "react", "react-reconciler", "yoga-layout", "ink-testing-library"])
        expect(packages, command).not.toContain(ui);
    }
  });
});
