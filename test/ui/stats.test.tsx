// The Stats screen shows the figures computeStats gives (the same as `sigmoid-trainer stats`):
// per-skill accuracy from the attempts in the store, streak, mistakes by their catalogue names,
// reviews due and the next review.
import { afterEach, describe, expect, test } from "vitest";
import { formatStats } from "../../src/cli/commands/stats";
import type { Course } from "../../src/content/model";
import { loadContent } from "../../src/content/load";
import { displayWidth } from "../../src/core/latex";
import { type AttemptInput, computeStats, createProgressStore, type ProgressStore } from "../../src/progress";
import { KEYS, NOW, renderTrainer } from "./harness";

const loaded = loadContent(["content"], process.cwd());
if (!loaded.ok) throw new Error("the shipped content does not load");
const COURSE: Course = loaded.course;

const open: { unmount(): void }[] = [];
afterEach(() => {
  for (const instance of open.splice(0)) instance.unmount();
});

function attempt(templateId: string, skill: string, verdict: AttemptInput["verdict"], mistake: string | null = null): AttemptInput {
  return {
    templateId,
    skill,
    seed: 1,
    params: { x: 1 },
    part: 0,
    parts: 1,
    answer: "0.5",
    verdict,
    mistake,
    hints: 0,
    ms: 20_000,
    mode: "practice",
  };
}

/** A store with answers on two days: three σ (two right), two σ′ (one right, one σ-for-σ′ slip), one imprecise. */
function storeWithAnswers(): ProgressStore {
  let clock = new Date(NOW.getTime() - 24 * 3600_000);
  const store = createProgressStore({ dataDir: null, now: () => clock });
  const record = (input: AttemptInput) => store.getState().recordAttempt(input);
  record(attempt("sigmoid-value-clean-e", "sigmoid-value", "correct"));
  record(attempt("sigmoid-value-negative-x", "sigmoid-value", "incorrect", "complement"));
  clock = new Date(NOW.getTime() - 3600_000);
  record(attempt("sigmoid-value-clean-e", "sigmoid-value", "correct"));
  record(attempt("derivative-value-product-form", "derivative-value", "incorrect", "sigmoid-instead-of-derivative"));
  record(attempt("derivative-value-product-form", "derivative-value", "correct"));
  record(attempt("derivative-from-output-basic", "derivative-from-output", "imprecise"));
  return store;
}

async function stats(options: Parameters<typeof renderTrainer>[0] = {}) {
  const trainer = await renderTrainer({ course: COURSE, initial: "stats", ...options });
  open.push(trainer);
  return trainer;
}

describe("stats", () => {
  test("per-skill accuracy matches the attempts recorded in the store", async () => {
    const { frame } = await stats({ store: storeWithAnswers(), rows: 40 });
    const lines = frame().split("\n");
    const row = (label: string) => lines.find((l) => l.startsWith(label)) ?? "";
    expect(row("Value of σ(x)")).toMatch(/2\/3\s+67%$/);
    expect(row("Value of σ′(x)")).toMatch(/1\/2\s+50%$/);
    expect(row("σ′(x) from the output σ(x)")).toMatch(/0\/1\s+0%$/);
    expect(frame()).toContain("Answers: 6, 3 correct (50%)");
    expect(frame()).toContain("Streak: 2 days");
    expect(frame()).toContain(`Skills not practised yet: ${COURSE.skills.length - 3}`);
  });

  test("bars show the accuracy with the figure written beside them", async () => {
    const { frame } = await stats({ store: storeWithAnswers(), rows: 40 });
    const row = frame()
      .split("\n")
      .find((l) => l.startsWith("Value of σ′(x)"))!;
    // 50% of a 20-cell bar.
    expect(row).toContain(`${"█".repeat(10)}${"░".repeat(10)}`);
  });

  test("mistakes are named by the catalogue's names, with their counts", async () => {
    const { frame } = await stats({ store: storeWithAnswers(), rows: 40 });
    expect(frame()).toContain("Mistakes by kind");
    expect(frame()).toMatch(/1 − σ\(x\) by mistake\s+1×/);
    expect(frame()).toMatch(/σ instead of σ′\s+1×/);
  });

  test("the same figures as `sigmoid-trainer stats`: answers, due, today's queue, each skill", async () => {
    const store = storeWithAnswers();
    const figures = computeStats(store.getState(), NOW);
    const cli = formatStats(figures, "/data", "en");
    const { frame } = await stats({ store, rows: 40 });
    expect(cli).toContain(`Answers: 6 (3 correct, 50%)`);
    expect(frame()).toContain(`Reviews for today: ${figures.reviewQueue} (${figures.due} due in all)`);
    expect(cli).toContain(`Reviews for today: ${figures.reviewQueue} (${figures.due} due in all)`);
    for (const [id, s] of Object.entries(figures.skills)) {
      const percent = `${Math.round((s.accuracy ?? 0) * 100)}%`;
      expect(cli).toMatch(new RegExp(`${id}\\s+${s.attempts} answers?, ${s.correct} correct \\(${percent}\\)`));
      const title = COURSE.skills.find((k) => k.id === id)!.title.en;
      const row = frame()
        .split("\n")
        .find((l) => l.startsWith(title))!;
      expect(row).toMatch(new RegExp(`${s.correct}/${s.attempts}\\s+${percent}$`));
    }
  });

  test("what comes next: the next review time once something is scheduled", async () => {
    const { frame } = await stats({ store: storeWithAnswers(), rows: 40 });
    expect(frame()).toMatch(/Next review: in \d+ (minutes?|hours?|days?)/);
  });

  test("a learner with no answers is told how to start", async () => {
    const { frame } = await stats({ store: createProgressStore({ dataDir: null, now: () => NOW }) });
    expect(frame()).toContain("No answers yet. Start with Learn or Practice.");
    expect(frame()).toContain("Nothing scheduled for review yet.");
  });

  test("at 40×15 it fits and scrolls with PgDn to the mistakes", async () => {
    const { frame, press } = await stats({ store: storeWithAnswers(), columns: 40, rows: 15 });
    const lines = frame().split("\n");
    expect(lines.length).toBeLessThanOrEqual(14);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    await press(KEYS.pageDown, KEYS.pageDown);
    expect(frame()).toContain("σ instead of σ′");
  });

  test("in Japanese the headings, skill names and mistake names are Japanese", async () => {
    const { frame } = await stats({ store: storeWithAnswers(), lang: "ja", rows: 40 });
    expect(frame()).toContain("成績");
    expect(frame()).toContain("解答 6 件、正解 3 件（50%）");
    expect(frame()).toContain("連続日数: 2 日");
    expect(frame()).toContain("スキル別の正解率");
    expect(frame()).toContain("σ(x) の値");
    expect(frame()).toContain("ミスの種類");
    expect(frame()).toMatch(/σ′ の代わりに σ\s+1 回/);
  });
});

describe("stats from a hand-edited journal", () => {
  test("skill and mistake ids with escape sequences are shown as escapes, never sent to the terminal", async () => {
    const store = createProgressStore({ dataDir: null, now: () => NOW });
    store.getState().recordAttempt(attempt("forged", "\u001b[2J\u202eevil", "incorrect", "\u009b2Jmistake"));
    const { frame } = await stats({ store, rows: 40 });
    expect(frame()).toContain("\\x1B[2J\\u202Eevil");
    expect(frame()).toContain("\\x9B2Jmistake");
    expect(/[\u001b\u009b\u202e]/.test(frame().replace(/\u001b\[[0-9;]*m/g, ""))).toBe(false);
  });
});
