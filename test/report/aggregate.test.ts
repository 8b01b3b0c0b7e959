// The report's figures: properties over random cohorts (every count adds up, files set aside
// never change a figure), then the choices it makes on purpose, one by one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildReport, type LoadedFile } from "../../src/report/aggregate";
import { type QuizResult, resultText, sealResult } from "../../src/quiz/result";
import { parseResult } from "../../src/quiz/verify";
import { COURSE } from "../engine/fixtures";
import { ALL_RIGHT, answeredAtFor, type PartSpec, QUESTIONS, QUIZ, type QuestionSpec, result, resultBody } from "../quiz/helpers";

const loaded = (file: string, r: QuizResult | string): LoadedFile => ({
  file,
  read: parseResult(typeof r === "string" ? r : resultText(r)),
});

const MISTAKES = ["complement", "sigmoid-instead-of-derivative", "squared-sigmoid", "pack-own-mistake"];

const partArb = fc.record({
  verdict: fc.constantFrom("correct", "imprecise", "incorrect") as fc.Arbitrary<"correct" | "imprecise" | "incorrect">,
  mistake: fc.option(fc.constantFrom(...MISTAKES), { nil: null }),
  hints: fc.nat({ max: 3 }),
});

/** Hints seen on a question only ever add up from one part to the next, as the trainer counts them. */
const cumulative = (parts: fc.Arbitrary<PartSpec[]>) =>
  parts.map((p) => p.map((part, i) => ({ ...part, hints: Math.max(...p.slice(0, i + 1).map((x) => x.hints ?? 0)) })));

/** A question's outcome consistent with how the trainer writes it. */
const questionArb = (parts: number): fc.Arbitrary<QuestionSpec> =>
  fc.oneof(
    cumulative(fc.array(partArb, { minLength: parts, maxLength: parts })).map((p) => ({ parts: p, status: "answered" as const })),
    cumulative(fc.array(partArb, { maxLength: parts - 1 })).map((p) => ({ parts: p, status: "skipped" as const })),
    cumulative(fc.array(partArb, { maxLength: parts - 1 })).map((p) => ({ parts: p, status: "unanswered" as const })),
  );

const learnerArb = fc.record({
  specs: fc.tuple(...QUESTIONS.map((q) => questionArb(q.parts))),
  ending: fc.constantFrom("completed", "quit", "time-up", null),
});

// Honest learners never answer at the same instant: names the helper would give the same
// instants ("Aa" and "BB" hash alike) would be copies, and rightly set aside.
const cohortArb = fc
  .uniqueArray(
    fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== ""),
    {
      maxLength: 10,
      selector: answeredAtFor,
    },
  )
  .chain((names) => fc.tuple(fc.constant(names), fc.array(learnerArb, { minLength: names.length, maxLength: names.length })));

function cohortFiles(names: readonly string[], learners: readonly { specs: QuestionSpec[]; ending: string | null }[]): LoadedFile[] {
  return names.map((name, i) => {
    const { specs, ending } = learners[i]!;
    const finished = ending === null ? null : "2026-01-01T00:01:00.000Z";
    return loaded(`${i}.json`, result(name, specs, { ending: ending as QuizResult["ending"], finishedAt: finished }));
  });
}

describe("report figures (properties)", () => {
  it("every count adds up", () => {
    fc.assert(
      fc.property(cohortArb, ([names, learners]) => {
        const report = buildReport(cohortFiles(names, learners));
        expect(report.rejected).toEqual([]);
        expect(report.learners).toHaveLength(names.length);
        const n = report.learners.length;
        for (const q of report.questions) {
          expect(q.right + q.wrong + q.skipped + q.unanswered).toBe(q.learners);
          expect(q.learners).toBe(n);
        }
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(sum(report.learners.map((l) => l.score))).toBe(sum(report.questions.map((q) => q.right)));
        for (const l of report.learners) {
          expect(l.correct + l.imprecise + l.incorrect).toBe(l.attempts);
          expect(l.score + l.questions.filter((q) => q.outcome === "wrong").length + l.skipped + l.unanswered).toBe(l.of);
        }
        const mistakesByLearners = sum(report.learners.map((l) => sum(Object.values(l.mistakes))));
        expect(sum(report.mistakes.map((m) => m.count))).toBe(mistakesByLearners);
        for (const m of report.mistakes) expect(sum(m.learners.map((l) => l.count))).toBe(m.count);
        expect(report.mistakes.map((m) => m.count)).toEqual([...report.mistakes.map((m) => m.count)].sort((a, b) => b - a));
        expect(sum(report.steps.map((s) => s.asked))).toBe(sum(report.questions.map((q) => q.learners)));
        expect(sum(report.steps.map((s) => s.right))).toBe(sum(report.questions.map((q) => q.right)));
        expect(sum(report.steps.map((s) => s.mistakes))).toBe(mistakesByLearners);
      }),
      { numRuns: 200 },
    );
  });

  it("files set aside never change a figure", () => {
    const strangers = [
      loaded("other-seed.json", result("Zed", ALL_RIGHT, { quiz: { ...QUIZ, seed: 8 } })),
      loaded("tampered.json", resultText(result("Tom", ALL_RIGHT)).replace('"verdict": "correct"', '"verdict": "incorrect"')),
      loaded("junk.json", "{not json"),
      { file: "gone.json", missing: "no such file or directory" },
    ];
    fc.assert(
      fc.property(cohortArb, fc.shuffledSubarray(strangers), ([names, learners], extra) => {
        fc.pre(names.length >= 2 && !names.includes("Zed") && !names.includes("Tom"));
        const clean = buildReport(cohortFiles(names, learners), { seed: 7 });
        const mixed = buildReport([...cohortFiles(names, learners), ...extra], { seed: 7 });
        expect(mixed.learners).toEqual(clean.learners);
        expect(mixed.questions).toEqual(clean.questions);
        expect(mixed.mistakes).toEqual(clean.mistakes);
        expect(mixed.steps).toEqual(clean.steps);
        expect(mixed.rejected.map((r) => r.file).sort()).toEqual(extra.map((e) => e.file).sort());
      }),
      { numRuns: 100 },
    );
  });
});

describe("report choices", () => {
  const ann = result("Ann", ALL_RIGHT);
  const bob = result("Bob", [
    { parts: [{ verdict: "correct" }] },
    { parts: [{ verdict: "incorrect", mistake: "sigmoid-instead-of-derivative" }] },
    { parts: [{ verdict: "correct" }, { verdict: "incorrect", mistake: "sigmoid-instead-of-derivative" }] },
  ]);
  const cy = result("Cy", [{ parts: [], status: "skipped" }, { parts: [{ verdict: "imprecise", hints: 2 }] }], {
    finishedAt: null,
    ending: null,
  });

  it("counts exactly what each learner did", () => {
    const report = buildReport([loaded("a.json", ann), loaded("b.json", bob), loaded("c.json", cy)]);
    expect(report.learners.map((l) => [l.name, l.status, l.score, l.attempts, l.correct, l.skipped, l.unanswered, l.hintsUsed])).toEqual([
      ["Ann", "complete", 3, 4, 4, 0, 0, 0],
      ["Bob", "complete", 1, 4, 2, 0, 0, 0],
      ["Cy", "partial", 0, 1, 0, 1, 1, 2],
    ]);
    expect(report.questions.map((q) => [q.number, q.right, q.wrong, q.skipped, q.unanswered])).toEqual([
      [1, 2, 0, 1, 0],
      [2, 1, 2, 0, 0],
      [3, 1, 1, 0, 1],
    ]);
    expect(report.mistakes).toEqual([
      {
        id: "sigmoid-instead-of-derivative",
        name: expect.objectContaining({ en: expect.any(String) }),
        count: 2,
        learners: [{ name: "Bob", count: 2 }],
        questions: [2, 3],
      },
    ]);
    expect(report.learners[0]!.timeMs).toBe(60_000);
  });

  it("ranks the steps where the group struggles first, with titles from the content", () => {
    const report = buildReport([loaded("a.json", ann), loaded("b.json", bob), loaded("c.json", cy)], { course: COURSE });
    expect(report.steps.map((s) => [s.step, s.right, s.asked, s.title?.en ?? null])).toEqual([
      ["step-c", 1, 3, "step-c"],
      [null, 1, 3, null],
      ["step-b", 2, 3, "step-b"],
    ]);
    expect(report.steps[0]!.topMistake).toEqual({ id: "sigmoid-instead-of-derivative", count: 1 });
  });

  it("no majority rule: forged files of another seed never outvote; without --seed or --config the groups are named", () => {
    const forged = (name: string) => result(name, ALL_RIGHT, { quiz: { ...QUIZ, seed: 99 } });
    const files = [
      loaded("a.json", ann),
      loaded("b.json", bob),
      loaded("x.json", forged("Xi")),
      loaded("y.json", forged("Yu")),
      loaded("z.json", forged("Zo")),
    ];
    const unchosen = buildReport(files);
    expect(unchosen.quiz).toBeNull();
    expect(unchosen.learners).toEqual([]);
    expect(unchosen.ambiguous.map((g) => [g.quiz.seed, g.files])).toEqual([
      [7, ["a.json", "b.json"]],
      [99, ["x.json", "y.json", "z.json"]],
    ]);
    const chosen = buildReport(files, { seed: 7 });
    expect(chosen.reference).toBe("--seed");
    expect(chosen.ambiguous).toEqual([]);
    expect(chosen.learners.map((l) => l.name)).toEqual(["Ann", "Bob"]);
    expect(chosen.rejected.map((r) => [r.file, r.reason, r.detail])).toEqual([
      ["x.json", "different-seed", "seed 99, not 7 (--seed)"],
      ["y.json", "different-seed", "seed 99, not 7 (--seed)"],
      ["z.json", "different-seed", "seed 99, not 7 (--seed)"],
    ]);
    const agreed = buildReport([loaded("a.json", ann), loaded("b.json", bob)]);
    expect(agreed.reference).toBe("agreed");
    const none = buildReport(files, { seed: 5 });
    expect(none.quiz).toBeNull();
    expect(none.learners).toEqual([]);
    expect(none.rejected).toHaveLength(5);
  });

  it("--config names what differs from the session file: content version, count, skills, limits", () => {
    const timed = { ...QUIZ, timeLimitMinutes: 5, hintsAllowed: false };
    const files = [
      loaded("a.json", ann),
      loaded("b.json", bob),
      loaded("v.json", result("Vi", ALL_RIGHT, { quiz: { ...QUIZ, contentVersion: "v2" } })),
      loaded("t.json", result("Ti", [], { quiz: timed, deadline: "2026-01-01T00:05:00.000Z" })),
      loaded("k.json", result("Ki", ALL_RIGHT.slice(0, 2), { quiz: { ...QUIZ, count: 2 } })),
    ];
    const settings = { seed: 7, count: 3, skills: [], timeLimitMinutes: null, hintsAllowed: true };
    const report = buildReport(files, { config: { settings, contentVersion: "v1" } });
    expect(report.reference).toBe("--config");
    expect(report.rejected.map((r) => [r.file, r.reason, r.detail])).toEqual([
      ["k.json", "different-settings", "2 questions, not 3 (--config)"],
      ["t.json", "different-settings", "time limit 5, not none; hints off (--config)"],
      ["v.json", "different-content", "content version v2, not v1 (--config)"],
    ]);
    expect(buildReport(files).ambiguous).toHaveLength(4);
  });

  it("files of one seed that disagree on their questions are all set aside when no content can tell which is right", () => {
    const body = resultBody("Eve", ALL_RIGHT);
    const forged = sealResult({ ...body, questions: body.questions.map((q, i) => (i === 1 ? { ...q, params: { x: 0.5 } } : q)) });
    const report = buildReport([loaded("a.json", ann), loaded("b.json", bob), loaded("e.json", forged)]);
    expect(report.learners).toEqual([]);
    expect(report.rejected.map((r) => [r.file, r.reason])).toEqual([
      ["a.json", "different-questions"],
      ["b.json", "different-questions"],
      ["e.json", "different-questions"],
    ]);
    expect(report.rejected[0]!.detail).toContain("load content version v1");
  });

  it("the same answers at the same instants under two names are copies: neither counts", () => {
    const copied = sealResult({ ...resultBody("Ann", ALL_RIGHT), name: "Mallory" });
    const report = buildReport([loaded("a.json", ann), loaded("b.json", bob), loaded("m.json", copied)]);
    expect(report.learners.map((l) => l.name)).toEqual(["Bob"]);
    expect(report.rejected.map((r) => [r.file, r.reason, r.name])).toEqual([
      ["a.json", "copy", "Ann"],
      ["m.json", "copy", "Mallory"],
    ]);
    expect(report.rejected[0]!.detail).toContain('m.json ("Mallory")');
  });

  it("a copy whose start was moved keeps the original's answer instants, and is still a copy", () => {
    const body = resultBody("Ann", ALL_RIGHT);
    const copied = sealResult({ ...body, name: "Mallory", startedAt: "2025-12-31T23:59:59.999Z" });
    const report = buildReport([loaded("a.json", ann), loaded("b.json", bob), loaded("m.json", copied)]);
    expect(report.learners.map((l) => l.name)).toEqual(["Bob"]);
    expect(report.rejected.map((r) => [r.file, r.reason])).toEqual([
      ["a.json", "copy"],
      ["m.json", "copy"],
    ]);
  });

  it("a second file under one name that does not continue the first is a conflict: both shown with their scores, neither counted", () => {
    const other = result("Ann", [{ parts: [{ verdict: "incorrect" }] }], { startedAt: "2026-01-01T00:00:05.000Z" });
    const report = buildReport([loaded("ann.json", ann), loaded("ann-again.json", other), loaded("b.json", bob)]);
    expect(report.learners.map((l) => l.name)).toEqual(["Bob"]);
    expect(report.rejected.map((r) => [r.file, r.reason])).toEqual([
      ["ann-again.json", "conflict"],
      ["ann.json", "conflict"],
    ]);
    expect(report.rejected[1]!.detail).toContain("3/3 here");
    expect(report.rejected[1]!.detail).toContain("ann-again.json (0/3)");
  });

  it("snapshots of one run count once: the finished one, else the furthest", () => {
    const crashed = result("Ann", [{ parts: [{ verdict: "correct" }] }], { finishedAt: null, ending: null });
    const report = buildReport([loaded("ann-1.json", crashed), loaded("ann-2.json", ann), loaded("b.json", bob)]);
    expect(report.learners.map((l) => [l.name, l.file])).toEqual([
      ["Ann", "ann-2.json"],
      ["Bob", "b.json"],
    ]);
    expect(report.rejected).toEqual([
      {
        file: "ann-1.json",
        reason: "superseded",
        detail: 'an earlier snapshot of the same quiz; "Ann" counts from ann-2.json',
        name: "Ann",
      },
    ]);
  });

  it("unreadable and missing files are listed with what was wrong", () => {
    const report = buildReport([
      loaded("a.json", ann),
      loaded("bad.json", "{"),
      { file: "nope.json", missing: "no such file or directory" },
    ]);
    expect(report.rejected.map((r) => [r.file, r.reason])).toEqual([
      ["bad.json", "unreadable"],
      ["nope.json", "missing"],
    ]);
    expect(report.learners).toHaveLength(1);
  });
});
