// The shipped course loads without a problem, and every text a learner reads exists in both
// languages (the schema refuses a missing or empty ja/en; this walks the loaded model too).
import { describe, expect, it } from "vitest";
import { loadCourseDirs } from "../../src/cli/content-dirs";
import type { Localized } from "../../src/core/i18n";
import { formatProblem } from "../../src/content/problems";

function localizedTexts(value: unknown, path: string, out: { path: string; text: Localized }[]): void {
  if (value === null || typeof value !== "object") return;
  if (value instanceof Map) {
    for (const [key, item] of value) localizedTexts(item, `${path}.${String(key)}`, out);
    return;
  }
  const record = value as Record<string, unknown>;
  if ("ja" in record || "en" in record) {
    out.push({ path, text: record as unknown as Localized });
    return;
  }
  for (const [key, item] of Object.entries(record)) if (key !== "pos") localizedTexts(item, `${path}.${key}`, out);
}

const result = await loadCourseDirs([], { cwd: process.cwd(), env: {} });

describe("the shipped course", () => {
  it("loads without problems", () => {
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it("has every learner-facing text in Japanese and in English", () => {
    if (!result.ok) return;
    const texts: { path: string; text: Localized }[] = [];
    localizedTexts(result.course, "course", texts);
    expect(texts.length).toBeGreaterThan(100);
    const incomplete = texts.filter(
      ({ text }) => !(typeof text.ja === "string" && text.ja.trim() && typeof text.en === "string" && text.en.trim()),
    );
    expect(incomplete.map(({ path }) => path)).toEqual([]);
  });

  it("declares the skills the contract names and has at least 20 templates", () => {
    if (!result.ok) return;
    const skills = result.course.skills.map((s) => s.id);
    for (const id of ["sigmoid-value", "derivative-value", "derivative-from-output"]) expect(skills).toContain(id);
    expect(result.course.exercises.size).toBeGreaterThanOrEqual(20);
  });

  it("ends every step with a check question", () => {
    if (!result.ok) return;
    const unchecked = [...result.course.lessons.values()].flatMap((lesson) =>
      lesson.steps.filter((step) => step.check === null).map((step) => step.id),
    );
    expect(unchecked).toEqual([]);
  });
});
