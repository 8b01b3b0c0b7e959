// A choice check may carry one feedback sentence per choice, so a wrong pick can be named in its
// own sentence. The loader keeps them in choice order; the validator reports a list that does not
// match the choices, and a broken entry, at the exact file:line:col; the JSON Schema lists the key.
import { PassThrough } from "node:stream";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run as schemaCommand } from "../../src/cli/commands/schema";
import type { CliIO } from "../../src/cli/io";
import { buildCourse, loadContent } from "../../src/content/load";
import { formatProblem } from "../../src/content/problems";
import type { RawFile } from "../../src/content/read";
import { contentJsonSchema } from "../../src/content/schema";

const ROOT = join(import.meta.dirname, "../..");
const GOOD = "test/fixtures/content/good";
const FIXTURE = "test/fixtures/content/choice-feedback";

function problemLines(dirs: string[]): string[] {
  const result = loadContent(dirs, ROOT);
  if (result.ok) throw new Error("expected problems");
  return result.problems.map(formatProblem).map((line) => line.replace(`${FIXTURE}/`, ""));
}

const COURSE = `kind: course
id: c
title: {ja: コース, en: Course}
skills: []
chapters:
  - {id: ch, title: {ja: 章, en: Chapter}, lessons: [l]}
`;

/** A lesson with one choice check of two choices; `feedback` is the YAML after "feedback:". */
function lessonWithFeedback(feedback: string | null): string {
  return `kind: lesson
id: l
title: {ja: 課, en: Lesson}
steps:
  - id: s
    title: {ja: 題, en: Title}
    text: {ja: 本文, en: Text}
    check:
      choice:
        question: {ja: 問い, en: Question}
        choices: [{ja: あ, en: A}, {ja: い, en: B}]
        answer: 1
        explanation: {ja: 説明, en: Explanation}
${feedback === null ? "" : `        feedback: ${feedback}\n`}`;
}

function build(lesson: string) {
  const raw: RawFile[] = [COURSE, lesson].map((text, index) => {
    const name = index === 0 ? "course.yaml" : "lesson.yaml";
    return { display: name, relativePath: name, dirIndex: 0, order: index, bytes: new TextEncoder().encode(text) };
  });
  return buildCourse(raw);
}

function problemsOf(lesson: string): string[] {
  const result = build(lesson);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe("loading per-choice feedback", () => {
  it("keeps one sentence per choice, in choice order", () => {
    const result = build(lessonWithFeedback("[{ja: 一つ目です。, en: First.}, {ja: 二つ目です。, en: Second.}]"));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    const check = result.course.lessons.get("l")!.steps[0]!.check;
    expect(check).toEqual({
      kind: "choice",
      question: { ja: "問い", en: "Question" },
      choices: [
        { ja: "あ", en: "A" },
        { ja: "い", en: "B" },
      ],
      answer: 1,
      explanation: { ja: "説明", en: "Explanation" },
      feedback: [
        { ja: "一つ目です。", en: "First." },
        { ja: "二つ目です。", en: "Second." },
      ],
    });
  });

  it("is optional: a check without it has no feedback key at all", () => {
    const result = build(lessonWithFeedback(null));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    const check = result.course.lessons.get("l")!.steps[0]!.check;
    expect(check?.kind).toBe("choice");
    expect(check).not.toHaveProperty("feedback");
  });

  it("loads docs/content-format.md's example, whose choice check has feedback", () => {
    const result = loadContent(["test/fixtures/content/readme-example"], ROOT);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    const check = result.course.lessons.get("definition")!.steps[1]!.check;
    if (check?.kind !== "choice") throw new Error("expected a choice check");
    expect(check.feedback).toHaveLength(check.choices.length);
  });
});

describe("problems in per-choice feedback (the choice-feedback fixture, a pack on the good course)", () => {
  const lines = problemLines([GOOD, FIXTURE]);

  it("reports each problem once, at its exact place, and nothing else", () => {
    expect(lines).toEqual([
      'lessons/feedback.yaml:15:11: 3 feedback entries for 4 choices; expected one {ja, en} per choice, in the order of "choices"',
      'lessons/feedback.yaml:27:19: 3 feedback entries for 2 choices; expected one {ja, en} per choice, in the order of "choices"',
      'lessons/feedback.yaml:39:13: missing English text "en"; every text needs both ja and en',
      'lessons/feedback.yaml:40:17: empty English text "en"; write the text in both ja and en',
      'lessons/feedback.yaml:53:37: unknown key "why"; expected one of: ja, en',
      'lessons/feedback.yaml:63:9: unknown key "feedbak"; did you mean "feedback"?',
      'lessons/feedback.yaml:73:19: "feedback": expected a list, got a map',
    ]);
  });
});

describe("problems in per-choice feedback (in memory)", () => {
  it("says 'entry' for one, and counts an empty list as too few", () => {
    expect(problemsOf(lessonWithFeedback("[{ja: 違います。, en: Wrong.}]"))).toEqual([
      'lesson.yaml:14:19: 1 feedback entry for 2 choices; expected one {ja, en} per choice, in the order of "choices"',
    ]);
    expect(problemsOf(lessonWithFeedback("[]"))).toEqual([
      'lesson.yaml:14:19: 0 feedback entries for 2 choices; expected one {ja, en} per choice, in the order of "choices"',
    ]);
  });

  it("reports an entry given as plain text instead of {ja, en}", () => {
    expect(problemsOf(lessonWithFeedback("[{ja: 正しいです。, en: Right.}, Wrong.]"))).toEqual([
      'lesson.yaml:14:46: item 1 of "feedback": expected {ja: ..., en: ...} with the text in both languages, got text "Wrong."',
    ]);
  });

  it("reports a missing Japanese text at the entry", () => {
    expect(problemsOf(lessonWithFeedback("[{en: Wrong.}, {ja: 正しいです。, en: Right.}]"))).toEqual([
      'lesson.yaml:14:20: missing Japanese text "ja"; every text needs both ja and en',
    ]);
  });
});

describe("the JSON Schema", () => {
  it("describes feedback as an optional list of {ja, en}", () => {
    const defs = contentJsonSchema().$defs as Record<string, Record<string, unknown>>;
    const choiceCheck = defs.ChoiceCheck!;
    const properties = choiceCheck.properties as Record<string, Record<string, unknown>>;
    expect(properties.feedback).toMatchObject({ type: "array", items: { $ref: "#/$defs/Localized" } });
    expect(properties.feedback!.description).toMatch(/one \{ja, en\} per choice, in the order of choices/);
    expect(choiceCheck.required).not.toContain("feedback");
    expect(choiceCheck.additionalProperties).toBe(false);
  });

  it("is what `sigmoid-trainer schema` prints", async () => {
    const stdout = new PassThrough();
    let out = "";
    stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    const io: CliIO = { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: {}, cwd: ROOT };
    expect(await schemaCommand([], io)).toBe(0);
    const printed = JSON.parse(out) as { $defs: Record<string, { properties: Record<string, unknown> }> };
    expect(Object.keys(printed.$defs.ChoiceCheck!.properties)).toEqual(["question", "choices", "answer", "explanation", "feedback"]);
  });
});
