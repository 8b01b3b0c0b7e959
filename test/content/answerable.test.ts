// Every shipped question can be answered from what it shows. For every template and 200
// seeds, a learner who works from the numbers printed with the question (the given values as
// printed, the params as drawn) and rounds only at the end is graded correct, part by part,
// with a later part worked from the learner's own rounded earlier answer. And no typical
// mistake gives the right answer at the asked precision, so none can hide a right answer.
import { describe, expect, it } from "vitest";
import { loadCourseDirs } from "../../src/cli/content-dirs";
import { sameAtPrecision } from "../../src/core/grade";
import { formatSignificant } from "../../src/core/number-format";
import { answerFromShown } from "../../src/core/shown-values";
import { carriedExpected } from "../../src/engine/carry";
import { gradePart } from "../../src/engine/grade";
import { instantiateQuestion } from "../../src/engine/question";
import type { PartAnswer } from "../../src/engine/types";

const SEEDS = 200;
const loaded = await loadCourseDirs([], { cwd: process.cwd(), env: {} });
if (!loaded.ok) throw new Error("the shipped course does not load");
const course = loaded.course;
const templates = [...course.exercises.values()];

/** A printed number read back as the learner reads it. */
const printedNumber = (text: string) => Number(text.replace(/^−/, "-").replace(/×10\^/, "e"));

describe("every shipped question is answerable from what it shows", () => {
  it.each(templates.map((t) => [t.id]))("%s: working from the shown numbers and rounding at the end is graded correct", (id) => {
    const failures: string[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const made = instantiateQuestion(course, { templateId: id, variantSeed: seed, reason: "new" });
      if (!made.ok) throw new Error(made.problem);
      const instance = made.instance;
      const printed: Record<string, number> = {};
      for (const g of instance.given) printed[g.name] = printedNumber(g.text.en.split(" = ").at(-1)!);
      const answers: (PartAnswer | null)[] = [];
      instance.parts.forEach((part, index) => {
        if (part.formula !== null) {
          answers.push(null);
          return;
        }
        const earlier = part.carryFrom === null ? null : answers[part.carryFrom];
        const from = part.carryFrom === null ? null : instance.parts[part.carryFrom]!;
        const worked =
          (earlier && from && earlier.parsed !== null
            ? carriedExpected(part.quantity, instance.params, from.quantity, earlier.parsed)
            : null) ??
          answerFromShown(part.quantity, printed) ??
          part.expected;
        const typed = formatSignificant(worked, part.digits);
        const grade = gradePart(instance, index, answers, typed);
        if (grade.result.verdict !== "correct") {
          failures.push(`seed ${seed} ${JSON.stringify(instance.params)} part ${index + 1}: "${typed}" was ${grade.result.verdict}`);
        }
        answers.push({ verdict: grade.result.verdict, parsed: grade.result.parsed });
      });
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it.each(templates.map((t) => [t.id]))("%s: no mistake value equals the right answer at the asked precision", (id) => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const made = instantiateQuestion(course, { templateId: id, variantSeed: seed, reason: "new" });
      if (!made.ok) throw new Error(made.problem);
      for (const part of made.instance.parts) {
        if (part.formula !== null) continue;
        const clash = part.mistakes.filter((m) => sameAtPrecision(m.value, part.expected, part.digits));
        expect(clash, `seed ${seed} ${JSON.stringify(made.instance.params)}`).toEqual([]);
      }
    }
  });

  let sumsChecked = 0;
  it.each(templates.map((t) => [t.id]))("%s: sums printed in hints and solutions add up as printed", (id) => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const made = instantiateQuestion(course, { templateId: id, variantSeed: seed, reason: "new" });
      if (!made.ok) throw new Error(made.problem);
      const texts = [...made.instance.hints, made.instance.solution].flatMap((t) => [t.ja, t.en]);
      for (const text of texts) {
        for (const [whole, a, op, b, c] of text.matchAll(
          /(?<![\d.^(])(\d+(?:\.\d+)?) ([+−]) (\d+(?:\.\d+)?) = (\d+(?:\.\d+)?)(?![\d.])/g,
        )) {
          sumsChecked++;
          const sum = op === "+" ? Number(a) + Number(b) : Number(a) - Number(b);
          expect(Math.abs(sum - Number(c)), `seed ${seed}: "${whole}" in "${text}"`).toBeLessThan(1e-9);
        }
      }
    }
  });

  it("found printed sums to check (1 + 2.718 = 3.718 and the like)", () => {
    expect(sumsChecked).toBeGreaterThan(1000);
  });

  // ReLU's slope is 0 or 1 everywhere: its hint states the rule, which names both numbers.
  const hinted = templates.filter((t) => t.parts[0]?.quantity !== "relu-derivative");
  it.each(hinted.map((t) => [t.id]))("%s: no hint states the answer of any part", (id) => {
    for (let seed = 1; seed <= 20; seed++) {
      const made = instantiateQuestion(course, { templateId: id, variantSeed: seed, reason: "new" });
      if (!made.ok) throw new Error(made.problem);
      for (const part of made.instance.parts) {
        if (part.formula !== null) continue;
        const answer = formatSignificant(part.expected, part.digits).replace(/^-/, "−");
        for (const hint of made.instance.hints) {
          for (const text of [hint.ja, hint.en]) {
            // The answer as a number of its own, not a digit run inside a longer number.
            const standalone = new RegExp(`(^|[^0-9.])${answer.replace(/[.^()]/g, "\\$&")}(?![0-9])`);
            expect(standalone.test(text), `seed ${seed}: "${text}" states ${answer}`).toBe(false);
          }
        }
      }
    }
  });
});
