// Practice and Review on the fixture course: answering right and wrong, invalid input, hints,
// the next question, when an item comes back, and the typed answer surviving a remount.
import { describe, expect, it } from "vitest";
import { sigmoid, sigmoidDerivative } from "../../src/core/sigmoid";
import { loadContent } from "../../src/content/load";
import { createEmptyCard, State } from "ts-fsrs";
import { createProgressStore, DEFAULT_DAILY_REVIEW_CAP } from "../../src/progress";
import { ROOT } from "../support/cli";
import { KEYS, NOW, renderTrainer, tick } from "./harness";

/** x from the fixture's prompt "Find σ(x) at x = 2." (the minus may be U+2212). */
function shownX(frame: string): number {
  const match = /at x = ([−-]?[\d.]+)/.exec(frame);
  if (!match) throw new Error(`no x in the frame:\n${frame}`);
  return Number(match[1]!.replace("−", "-"));
}

async function practiceSigmoid(extra: Parameters<typeof renderTrainer>[0] = {}) {
  const t = await renderTrainer({ initial: "practice", skills: ["sigmoid-value"], count: 2, ...extra });
  return t;
}

describe("Practice", () => {
  it("shows the question with the given values, grades a right answer, says when it comes back, and saves it", async () => {
    const t = await practiceSigmoid();
    expect(t.frame()).toContain("Question 1 of 2");
    expect(t.frame()).toMatch(/Given: e\^\(−x\) = [\d.]+/);
    const x = shownX(t.frame());
    await t.type(sigmoid(x).toPrecision(3));
    await t.press(KEYS.enter);
    const frame = t.frame();
    expect(frame).toContain("✓ correct");
    expect(frame).toMatch(/Comes back in \d+ (minute|hour|day)s?\./);
    expect(frame).toContain("Enter or n: next question");
    expect(t.store.getState().attempts).toHaveLength(1);
    expect(t.store.getState().attempts[0]).toMatchObject({ templateId: "fx-sigmoid", verdict: "correct", mode: "practice" });
  });

  it("names the mistake of a wrong answer, shows the expected value and the worked solution", async () => {
    const t = await practiceSigmoid();
    const x = shownX(t.frame());
    // σ′(x) typed where σ(x) was asked.
    await t.type(sigmoidDerivative(x).toPrecision(3));
    await t.press(KEYS.enter);
    const frame = t.frame();
    expect(frame).toContain("✗ not correct");
    expect(frame).toMatch(/the slope of the curve/);
    expect(frame).toContain(sigmoid(x).toPrecision(3));
    expect(frame).toContain("Worked solution:");
    expect(frame).toContain("Press r to try it again with the same numbers.");
    expect(t.store.getState().attempts[0]).toMatchObject({ verdict: "incorrect", mistake: "derivative-instead-of-sigmoid" });
  });

  it("says what is wrong in invalid input and where, keeps the answer for fixing, and records no attempt", async () => {
    const t = await practiceSigmoid();
    await t.type("0.8#1");
    await t.press(KEYS.enter);
    const lines = t.frame().split("\n");
    expect(t.frame()).toContain("! could not read it (not counted)");
    const echo = lines.findIndex((l) => l.trim() === "0.8#1");
    expect(echo).toBeGreaterThan(-1);
    // The caret sits under the #, the 4th character.
    expect(lines[echo + 1]).toMatch(/\^ character 4$/);
    expect(lines[echo + 1]!.indexOf("^")).toBe(lines[echo]!.indexOf("#"));
    expect(t.store.getState().attempts).toHaveLength(0);
    expect(t.frame()).toContain("Answer: 0.8#1");
    // Fixing it: Backspace (0x7F, which Ink 6 reports as delete) and Ctrl+U work on the kept text.
    await t.press(KEYS.backspace, KEYS.backspace);
    expect(t.frame()).toContain("Answer: 0.8▏");
    await t.press(KEYS.ctrlU);
    expect(t.frame()).toContain("Answer: ▏");
  });

  it("edits in the middle of the answer with the cursor keys", async () => {
    const t = await practiceSigmoid();
    await t.type("0.81");
    await t.press(KEYS.left, KEYS.left);
    await t.type("5");
    expect(t.frame()).toContain("Answer: 0.5▏81");
    await t.press(KEYS.right, KEYS.backspace);
    expect(t.frame()).toContain("Answer: 0.5▏1");
  });

  it("gives hints in stages with h, then the worked solution, then says there are no more", async () => {
    const t = await practiceSigmoid();
    await t.press("h");
    expect(t.frame()).toContain("Hint 1 of 4: Nudge: which function is inside which?");
    expect(t.frame()).not.toContain("Hint 2 of 4");
    await t.press("h");
    expect(t.frame()).toContain("Hint 2 of 4: Rule: σ(x) = 1/(1 + e^(−x))");
    await t.press("h");
    expect(t.frame()).toMatch(/Hint 3 of 4: e\^\(−x\) = [\d.]+/);
    expect(t.frame()).not.toContain("Worked solution:");
    await t.press("h");
    expect(t.frame()).toContain("Worked solution:");
    await t.press("h");
    expect(t.frame()).toContain("No more hints");
    // h is never typed into the answer.
    expect(t.frame()).toContain("Answer: ▏");
    const x = shownX(t.frame());
    await t.type(sigmoid(x).toPrecision(3));
    await t.press(KEYS.enter);
    expect(t.store.getState().attempts[0]).toMatchObject({ hints: 4 });
  });

  it("goes to the next question with Enter or n, and ends with a summary", async () => {
    const t = await practiceSigmoid();
    await t.type(sigmoid(shownX(t.frame())).toPrecision(3));
    await t.press(KEYS.enter);
    // The feedback stays until the learner moves on.
    expect(t.frame()).toContain("Question 1 of 2");
    await t.press("n");
    expect(t.frame()).toContain("Question 2 of 2");
    expect(t.frame()).toContain("Answer: ▏");
    expect(t.frame()).not.toContain("✓");
    await t.type(sigmoid(shownX(t.frame())).toPrecision(3));
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("Enter: see the results");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("Done: 2 of 2 answers correct, 0 hints used, 0 skipped.");
    expect(t.frame()).toContain("--seed 7");
    // The end screen offers another round (Enter) or Home (Esc).
    expect(t.frame()).toContain("Enter: another round. Esc: back to Home.");
    await t.press(KEYS.escape);
    expect(t.frame()).toContain("σ Fixture course");
  });

  it("skips with Tab, showing the answer and the solution", async () => {
    const t = await practiceSigmoid();
    const x = shownX(t.frame());
    await t.press(KEYS.tab);
    expect(t.frame()).toContain(`Skipped. The answer is ${sigmoid(x).toPrecision(3)}.`);
    expect(t.store.getState().attempts).toHaveLength(0);
  });

  it("asks a missed question again with r, with the same numbers", async () => {
    const t = await practiceSigmoid();
    const x = shownX(t.frame());
    await t.type("0.01");
    await t.press(KEYS.enter);
    await t.press("r");
    expect(t.frame()).toContain("[retry]");
    expect(shownX(t.frame())).toBe(x);
    expect(t.frame()).toContain("Answer: ▏");
  });

  it("keeps the typed answer when the screen is unmounted by a too-small terminal and comes back", async () => {
    const t = await practiceSigmoid();
    await t.type("0.7");
    const resize = async (columns: number, rows: number) => {
      t.context.size = { columns, rows };
      t.stdout.emit("resize");
      await tick(20);
    };
    await resize(30, 10);
    // Wrapped at 30 columns.
    expect(t.frame().replace(/\s+/g, " ")).toContain("Terminal too small (need 40×15, have 30×10).");
    await resize(40, 15);
    expect(t.frame()).toContain("Answer: 0.7▏");
  });
});

describe("Review", () => {
  it("says when nothing is due, when the next item is, and offers practice with p", async () => {
    const store = createProgressStore({ dataDir: null, now: () => NOW });
    const t = await renderTrainer({ initial: "review", store, skills: ["sigmoid-value"], count: 1 });
    expect(t.frame()).toContain("Nothing is due for review right now.");
    expect(t.frame()).toContain("Press p to practise instead.");
    await t.press("p");
    expect(t.frame()).toContain("σ Practice");
    expect(t.frame()).toContain("Question 1 of 1");
    await t.type("0.01");
    await t.press(KEYS.enter, KEYS.escape);
    // Esc first shows the session's end screen, then goes back to Home (Review was replaced by
    // Practice); a missed item is due again within minutes.
    expect(t.frame()).toContain("Mistakes this session");
    await t.press(KEYS.escape);
    expect(t.frame()).toContain("σ Fixture course");
  });

  it("with items due but today's review limit used up, says so (as plain mode), not that the next is due now", async () => {
    const store = createProgressStore({ dataDir: null, now: () => NOW });
    const due = new Date(NOW.getTime() - 3_600_000);
    const graduated = { ...createEmptyCard(due), state: State.Review, due, stability: 10, reps: 3 };
    // Twenty other cards already reviewed today: the daily cap (20) is reached.
    const today = new Date(NOW.getTime() - 60_000).toISOString();
    const ratings = Array.from({ length: DEFAULT_DAILY_REVIEW_CAP }, (_, i) => ({
      templateId: `other-${i}`,
      at: today,
      rating: 3 as const,
      wasReview: true,
    }));
    store.setState({ cards: { "fx-sigmoid": graduated }, ratings });
    const t = await renderTrainer({ initial: "review", store, skills: ["sigmoid-value"] });
    expect(t.frame()).toContain("Nothing is due for review right now.");
    expect(t.frame()).toContain("Today's limit of 20 reviews is reached. Still due: 1; they come back tomorrow.");
    expect(t.frame()).not.toContain("The next review is now");
  });

  it("asks the items that are due, in review mode", async () => {
    let clock = NOW.getTime();
    const store = createProgressStore({ dataDir: null, now: () => new Date(clock) });
    const p = await renderTrainer({ initial: "practice", store, skills: ["sigmoid-value"], count: 1, now: () => new Date(clock) });
    await p.type("0.01");
    await p.press(KEYS.enter);
    expect(p.frame()).toMatch(/Comes back in (\d+ minutes?|under a minute)\./);
    p.unmount();
    clock += 2 * 86_400_000;
    const r = await renderTrainer({ initial: "review", store, skills: ["sigmoid-value"], now: () => new Date(clock) });
    expect(r.frame()).toContain("σ Review");
    expect(r.frame()).toContain("[review]");
    await r.type(sigmoid(shownX(r.frame())).toPrecision(3));
    await r.press(KEYS.enter);
    expect(store.getState().attempts.at(-1)).toMatchObject({ mode: "review", verdict: "correct" });
  });
});

describe("Practice input arriving in one piece", () => {
  it("treats a line break in pasted or fast-typed text as Enter", async () => {
    const t = await renderTrainer({ initial: "practice", skills: ["sigmoid-value"], count: 2 });
    const x = shownX(t.frame());
    await t.press(`${sigmoid(x).toPrecision(3)}\r`);
    expect(t.frame()).toContain("✓ correct");
    expect(t.store.getState().attempts).toHaveLength(1);
  });
});

describe("Practice in a small terminal", () => {
  it("keeps the answer field in view, says when there is more below, and PgDn/PgUp scroll (40×15)", async () => {
    const loaded = loadContent(["content"], ROOT);
    if (!loaded.ok) throw new Error("the shipped content does not load");
    // The shipped course: its hints are longer than the fixture's and do not fit at 40×15.
    const t = await renderTrainer({ course: loaded.course, initial: "practice", skills: ["sigmoid-value"], columns: 40, rows: 15 });
    await t.type("0.1");
    await t.press("h", "h", "h", "h");
    expect(t.frame()).toContain("Answer: 0.1▏");
    expect(t.frame()).toContain("Hint 1 of 4");
    expect(t.frame()).toContain("PgDn more");
    expect(t.frame()).not.toContain("Worked solution:");
    await t.press(KEYS.pageDown, KEYS.pageDown, KEYS.pageDown);
    expect(t.frame()).toContain("Worked solution:");
    expect(t.frame()).toContain("PgUp scroll up");
    expect(t.frame()).not.toContain("PgDn more");
    await t.press(KEYS.pageUp, KEYS.pageUp, KEYS.pageUp);
    expect(t.frame()).toContain("Answer: 0.1▏");
    // Typing still goes to the answer.
    await t.type("2");
    expect(t.frame()).toContain("Answer: 0.12▏");
  });
});
