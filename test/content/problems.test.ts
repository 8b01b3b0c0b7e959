// Every kind of content problem is reported at the exact file:line:col where the author must
// fix it, all of them in one run, sorted by file, line and column.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCourse, loadContent } from "../../src/content/load";
import { formatProblem } from "../../src/content/problems";
import type { RawFile } from "../../src/content/read";

const ROOT = join(import.meta.dirname, "../..");
const BROKEN = "test/fixtures/content/broken";

function problemLines(dirs: string[]): string[] {
  const result = loadContent(dirs, ROOT);
  if (result.ok) throw new Error("expected problems");
  return result.problems.map(formatProblem);
}

/** Problems of in-memory files, named a.yaml, b.yaml, ... unless given as [name, text]. */
function problemsOf(...files: (string | [string, string])[]): string[] {
  const raw: RawFile[] = files.map((file, index) => {
    const [name, text] = typeof file === "string" ? [`${String.fromCharCode(97 + index)}.yaml`, file] : file;
    return { display: name, relativePath: name, dirIndex: 0, order: index, bytes: new TextEncoder().encode(text) };
  });
  const result = buildCourse(raw);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const COURSE = `kind: course
id: c
title: {ja: コース, en: Course}
skills:
  - {id: sigmoid-value, title: {ja: 値, en: Value}}
chapters:
  - {id: ch, title: {ja: 章, en: Chapter}, lessons: [l]}
`;
const LESSON = `kind: lesson
id: l
title: {ja: 課, en: Lesson}
steps:
  - {id: s, title: {ja: 題, en: Title}, text: {ja: 本文, en: Text}}
`;
/** An exercises file with one sigmoid template; `extra` lines are added to it. */
function exercises(extra: string, params = "x: {choices: [1, 2]}"): string {
  return `kind: exercises
exercises:
  - id: e
    skill: sigmoid-value
    params: {${params}}
    quantity: sigmoid
    prompt: {ja: 問い, en: Question}
    hints: [{ja: ヒント, en: Hint}]
    solution: {ja: 解答, en: Solution}
${extra}`;
}

describe("the broken fixture", () => {
  const lines = problemLines([BROKEN]).map((line) => line.replace(`${BROKEN}/`, ""));
  const at = (where: string) => lines.filter((line) => line.startsWith(`${where}: `));

  it("reports every problem in one run, sorted by file, line and column", () => {
    expect(lines.map((line) => line.split(": ")[0])).toEqual([
      "course.yaml:7:9",
      "course.yaml:12:15",
      "course.yaml:12:38",
      "exercises.yaml:7:5",
      "exercises.yaml:11:12",
      "exercises.yaml:12:11",
      "exercises.yaml:13:13",
      "exercises.yaml:13:14",
      "exercises.yaml:14:13",
      "exercises.yaml:17:28",
      "exercises.yaml:17:54",
      "exercises.yaml:22:24",
      "exercises.yaml:22:33",
      "exercises.yaml:32:13",
      "exercises.yaml:40:20",
      "exercises.yaml:41:15",
      "exercises.yaml:48:7",
      "exercises.yaml:53:9",
      "kind.yaml:1:7",
      "lessons/definition.yaml:6:5",
      "lessons/definition.yaml:7:16",
      "lessons/definition.yaml:8:15",
      "lessons/definition.yaml:9:11",
      "lessons/definition.yaml:14:22",
      "lessons/definition.yaml:15:32",
      "lessons/definition.yaml:20:17",
      "lessons/definition.yaml:26:17",
      "lessons/orphan.yaml:2:5",
      "lessons/orphan.yaml:5:9",
      "syntax.yaml:4:1",
    ]);
  });

  it("reports a YAML syntax error where the parser found it", () => {
    expect(at("syntax.yaml:4:1")).toEqual([
      "syntax.yaml:4:1: YAML syntax error: flow map in block collection must be sufficiently indented and end with a }",
    ]);
  });

  it("reports an unknown key with the nearest known key, and not also as missing", () => {
    expect(at("exercises.yaml:7:5")).toEqual(['exercises.yaml:7:5: unknown key "promt"; did you mean "prompt"?']);
    expect(at("lessons/definition.yaml:6:5")).toEqual(['lessons/definition.yaml:6:5: unknown key "titel"; did you mean "title"?']);
    expect(lines.filter((line) => line.includes('missing key "title"') || line.includes('missing key "prompt"'))).toEqual([]);
  });

  it("reports an unknown file kind with a suggestion", () => {
    expect(at("kind.yaml:1:7")).toEqual([
      'kind.yaml:1:7: unknown kind "lessn"; did you mean "lesson"?; expected one of: course, lesson, exercises, skills, chapter',
    ]);
  });

  it("reports wrong types", () => {
    expect(at("lessons/definition.yaml:8:15")).toEqual([
      'lessons/definition.yaml:8:15: "formulas": expected a list, got text "\\sigma(x)"',
    ]);
    expect(at("exercises.yaml:32:13")).toEqual(['exercises.yaml:32:13: "digits": expected a whole number, got text "three"']);
    expect(at("exercises.yaml:41:15")[0]).toMatch(
      /^exercises\.yaml:41:15: "quantity": unknown value "sigmoyd"; did you mean "sigmoid"\?; expected one of: sigmoid, derivative, /,
    );
  });

  it("reports missing and empty ja or en text", () => {
    expect(at("lessons/definition.yaml:7:16")).toEqual([
      'lessons/definition.yaml:7:16: empty Japanese text "ja"; write the text in both ja and en',
    ]);
    expect(at("lessons/definition.yaml:9:11")).toEqual([
      'lessons/definition.yaml:9:11: missing English text "en"; every text needs both ja and en',
    ]);
  });

  it("reports the second of duplicate ids, pointing at the first, across files", () => {
    expect(at("course.yaml:7:9")).toEqual([
      `course.yaml:7:9: duplicate skill id "sigmoid-value"; first defined at ${BROKEN}/course.yaml:5:9`,
    ]);
    expect(at("lessons/orphan.yaml:5:9")).toEqual([
      `lessons/orphan.yaml:5:9: duplicate step id "formula-step"; first defined at ${BROKEN}/lessons/definition.yaml:10:9`,
    ]);
    expect(at("exercises.yaml:53:9")).toEqual([
      `exercises.yaml:53:9: duplicate exercise id "all-rejected"; first defined at ${BROKEN}/exercises.yaml:45:9`,
    ]);
  });

  it("reports references that do not resolve", () => {
    expect(at("course.yaml:12:15")).toEqual(['course.yaml:12:15: unknown lesson "defnition"; did you mean "definition"?']);
    expect(at("course.yaml:12:38")).toEqual([
      `course.yaml:12:38: lesson "definition" is listed twice; first listed in chapter "basics" at ${BROKEN}/course.yaml:12:26`,
    ]);
    expect(at("exercises.yaml:11:12")).toEqual(['exercises.yaml:11:12: unknown skill "sigmoid-valeu"; did you mean "sigmoid-value"?']);
    expect(at("exercises.yaml:12:11")).toEqual(['exercises.yaml:12:11: unknown step "no-such-step"']);
    expect(at("lessons/definition.yaml:26:17")).toEqual(['lessons/definition.yaml:26:17: unknown exercise "no-such-exercise"']);
  });

  it("reports params missing or extra for the quantity, and unknown given and placeholder names inside the text", () => {
    expect(at("exercises.yaml:13:13")).toEqual(['exercises.yaml:13:13: missing parameter "x" for quantity sigmoid; expected params: x']);
    expect(at("exercises.yaml:13:14")).toEqual([
      'exercises.yaml:13:14: parameter "y" is not used by quantity sigmoid; did you mean "x"?; expected params: x',
    ]);
    expect(at("exercises.yaml:14:13")[0]).toMatch(/^exercises\.yaml:14:13: unknown value "e_neg" in given; did you mean "e_neg_x"\?/);
    // Both languages: the `{` of each placeholder, inside the double-quoted strings.
    expect(at("exercises.yaml:17:28")[0]).toMatch(/^exercises\.yaml:17:28: unknown placeholder "\{e_neg\}"; did you mean "e_neg_x"\?/);
    expect(at("exercises.yaml:17:54")[0]).toMatch(/^exercises\.yaml:17:54: unknown placeholder "\{e_neg\}"/);
  });

  it("reports formulas outside the LaTeX subset at the offending command", () => {
    expect(at("lessons/definition.yaml:14:22")[0]).toMatch(/^lessons\/definition\.yaml:14:22: formula: .*\\sqrt/);
    // A double-quoted scalar: "\\foo" in the file is \foo in the formula.
    expect(at("lessons/definition.yaml:15:32")[0]).toMatch(/^lessons\/definition\.yaml:15:32: formula: .*\\foo/);
  });

  it("reports parameter ranges that cannot produce a question", () => {
    expect(at("exercises.yaml:22:24")).toEqual(['exercises.yaml:22:24: parameter "x": max 1 is less than min 3, so the range is empty']);
    expect(at("exercises.yaml:22:33")).toEqual(['exercises.yaml:22:33: parameter "x": step must be greater than 0, got 0']);
    expect(at("exercises.yaml:40:20")).toEqual(['exercises.yaml:40:20: "choices": expected at least one value']);
    expect(at("exercises.yaml:48:7")[0]).toMatch(
      /^exercises\.yaml:48:7: no usable variant: all 2 parameter combinations are rejected \(e\.g\. .*sigma must be between 0 and 1/,
    );
  });

  it("reports a choice answer out of range and a lesson in no chapter", () => {
    expect(at("lessons/definition.yaml:20:17")).toEqual([
      "lessons/definition.yaml:20:17: answer 2 is out of range; expected the 0-based index of one of the 2 choices (0 to 1)",
    ]);
    expect(at("lessons/orphan.yaml:2:5")).toEqual([
      `lessons/orphan.yaml:2:5: lesson "orphan" is in no chapter; list it in a chapter's "lessons" (the course file or a kind: chapter file)`,
    ]);
  });
});

describe("problems in small in-memory packs", () => {
  it("accepts the minimal pack the other cases start from", () => {
    expect(problemsOf(COURSE, LESSON, exercises(""))).toEqual([]);
  });

  it("reports a course missing, and a second course pointing at the first", () => {
    expect(problemsOf(LESSON)).toEqual([
      "a.yaml: no course: exactly one file must have kind: course (to check a pack on top of the shipped course: sigmoid-trainer validate --content DIR)",
      `a.yaml:2:5: lesson "l" is in no chapter; list it in a chapter's "lessons" (the course file or a kind: chapter file)`,
    ]);
    expect(problemsOf(COURSE, LESSON, COURSE.replace("id: c\n", "id: d\n"))).toContain(
      "c.yaml:1:7: a second course; the course is defined at a.yaml:1:7 (a pack adds lessons, exercises, kind: skills and kind: chapter files)",
    );
  });

  it("reports a file that is not a map, an empty file, and a missing kind", () => {
    expect(problemsOf(COURSE, LESSON, ["list.yaml", "- a\n- b\n"], ["empty.yaml", ""], ["nokind.yaml", "id: x\n"])).toEqual([
      'list.yaml:1:1: expected a map with a "kind" key (one of: course, lesson, exercises, skills, chapter), got a list or a single value',
      'empty.yaml:1:1: expected a map with a "kind" key (one of: course, lesson, exercises, skills, chapter), got an empty file',
      'nokind.yaml:1:1: missing key "kind"; expected one of: course, lesson, exercises, skills, chapter',
    ]);
  });

  it("reports a repeated key as a YAML error at the second one, and no unknown-lesson noise", () => {
    // The chapter's lesson "l" is in the unreadable file: it is not also reported as unknown.
    expect(problemsOf(COURSE, `${LESSON}id: again\n`)).toEqual(["b.yaml:6:1: YAML syntax error: map keys must be unique"]);
  });

  it("reports an alias to an unknown anchor at the alias", () => {
    expect(problemsOf(COURSE, LESSON.replace("title: {ja: 課, en: Lesson}", "title: *lesson-title"))).toEqual([
      "b.yaml:3:8: YAML could not be read: unresolved alias (the anchor must be set before the alias): lesson-title",
    ]);
  });

  it("reports a text given as a plain string instead of {ja, en}", () => {
    expect(problemsOf(COURSE, LESSON.replace("title: {ja: 課, en: Lesson}", "title: Lesson"))).toEqual([
      'b.yaml:3:8: "title": expected {ja: ..., en: ...} with the text in both languages, got text "Lesson"',
    ]);
  });

  it("reports both single-part and multi-part keys in one exercise", () => {
    const both = exercises("    parts: [{quantity: sigmoid, prompt: {ja: 問, en: Q}}]\n");
    expect(problemsOf(COURSE, LESSON, both)).toEqual([
      'c.yaml:6:5: "quantity" cannot be used together with "parts"; put it in each part',
      'c.yaml:7:5: "prompt" cannot be used together with "parts"; put it in each part',
    ]);
  });

  it("reports a carry_from that does not point at an earlier part", () => {
    const text = `kind: exercises
exercises:
  - id: e
    skill: sigmoid-value
    params: {x: {choices: [1, 2]}}
    parts:
      - {quantity: sigmoid, prompt: {ja: 問, en: Q}, carry_from: 0}
    hints: [{ja: ヒント, en: Hint}]
    solution: {ja: 解答, en: Solution}
`;
    expect(problemsOf(COURSE, LESSON, text)).toEqual([
      "c.yaml:7:65: carry_from 0: expected the index of an earlier part (the first part has none)",
    ]);
  });

  it("reports feedback for a mistake the quantity never makes, and {expected} in a prompt", () => {
    const text = exercises("    feedback:\n      complemnt: {ja: 補数, en: Complement}\n").replace(
      "prompt: {ja: 問い, en: Question}",
      'prompt: {ja: "{expected}", en: Question}',
    );
    expect(problemsOf(COURSE, LESSON, text)).toEqual([
      'c.yaml:7:19: "{expected}" would show the answer in the prompt',
      'c.yaml:11:7: unknown mistake "complemnt"; did you mean "complement"?; this exercise diagnoses: derivative-instead-of-sigmoid, complement, sign-error, power-of-ten, truncated',
    ]);
  });

  it("lets feedback keep {value} and {answer} for the checker, without :N", () => {
    const ok = exercises('    feedback:\n      complement: {ja: "{value} と {answer}", en: "{value} and {answer}"}\n');
    expect(problemsOf(COURSE, LESSON, ok)).toEqual([]);
    const bad = exercises('    feedback:\n      complement: {ja: "{value:3}", en: "{value}"}\n');
    expect(problemsOf(COURSE, LESSON, bad)).toEqual([
      'c.yaml:11:25: placeholder "{value}" is filled when the answer is graded and takes no ":N"',
    ]);
  });

  it("reports malformed braces in a text at the brace", () => {
    const text = exercises("").replace("solution: {ja: 解答, en: Solution}", "solution: {ja: '解答 {x', en: 'a } b {x:y}'}");
    expect(problemsOf(COURSE, LESSON, text)).toEqual([
      'c.yaml:9:24: unclosed "{"; expected {name} or {name:N}, or "{{" for a literal brace',
      'c.yaml:9:36: a lone "}"; write "}}" for a literal brace',
      'c.yaml:9:40: bad placeholder "{x:y}"; expected {name} or {name:N} (N significant figures), or "{{" for a literal brace',
    ]);
  });

  it("reports a choice that never makes a usable question", () => {
    // σ′ from σ = 0.5 is 1/4, which σ² (a typical mistake) also gives: never asked.
    const text = `kind: exercises
exercises:
  - id: e
    skill: sigmoid-value
    params:
      sigma: {choices: [0.3, 0.5]}
    quantity: derivative-from-output
    prompt: {ja: 問い, en: Question}
    hints: [{ja: ヒント, en: Hint}]
    solution: {ja: 解答, en: Solution}
`;
    const [line] = problemsOf(COURSE, LESSON, text);
    expect(line).toMatch(/^c\.yaml:6:30: choice 0\.5 of "sigma" never makes a usable question \(.*squared-sigmoid.*\); remove it$/);
  });

  it("reports a multi-line problem list rather than stopping at the first file", () => {
    const lines = problemsOf(
      COURSE.replace("en: Course", "en: ''"),
      LESSON.replace("ja: 本文", "jp: 本文"),
      exercises("", "x: {min: 1, max: 0, step: 1}"),
    );
    expect(lines).toEqual([
      'a.yaml:3:22: empty English text "en"; write the text in both ja and en',
      'b.yaml:5:47: unknown key "jp"; did you mean "ja"?',
      'c.yaml:5:31: parameter "x": max 0 is less than min 1, so the range is empty',
    ]);
  });
});

describe("more shapes an author may get wrong", () => {
  it("reports a duplicate chapter id from a pack's chapter file", () => {
    const chapter = "kind: chapter\nid: ch\ntitle: {ja: 章, en: Chapter}\nlessons: [l]\n";
    expect(problemsOf(COURSE, LESSON, chapter)).toEqual([
      'c.yaml:2:5: duplicate chapter id "ch"; first defined at a.yaml:7:10',
      'c.yaml:4:11: lesson "l" is listed twice; first listed in chapter "ch" at a.yaml:7:53',
    ]);
  });

  it("reports a check with neither or both of choice and exercise", () => {
    const lesson = LESSON.replace("text: {ja: 本文, en: Text}}", "text: {ja: 本文, en: Text}, check: {}}");
    expect(problemsOf(COURSE, lesson)).toEqual(['b.yaml:5:73: "check": expected exactly one of `choice` or `exercise`']);
  });

  it("reports a param that is not a map once, and hint counts out of range", () => {
    expect(problemsOf(COURSE, LESSON, exercises("", "x: 3"))).toEqual(['c.yaml:5:17: "x": expected a map (key: value), got the number 3']);
    const none = exercises("").replace("hints: [{ja: ヒント, en: Hint}]", "hints: []");
    expect(problemsOf(COURSE, LESSON, none)).toEqual(['c.yaml:8:12: "hints": expected 1 to 4 hints (nudge, rule, intermediate value)']);
  });

  it("reports an item that is not a map, and keeps checking the others", () => {
    const text = `${exercises("")}  - null\n  - {id: f, skill: nope, quantity: max-slope, prompt: {ja: q, en: q}, hints: [{ja: h, en: h}], solution: {ja: s, en: s}}\n`;
    expect(problemsOf(COURSE, LESSON, text)).toEqual([
      'c.yaml:10:5: item 1 of "exercises": expected a map (key: value), got nothing',
      'c.yaml:11:20: unknown skill "nope"',
    ]);
  });
});

describe("directories", () => {
  it("reports a content directory that does not exist, without crashing", () => {
    expect(problemLines(["test/fixtures/content/no-such-dir"])).toEqual(["test/fixtures/content/no-such-dir: content directory not found"]);
  });
});
