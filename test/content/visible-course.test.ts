// A pack's texts with control characters load (validate reports them), and every screen gets
// them as visible escapes: the course itself holds no character a terminal would act on.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load";
import { visibleCourse } from "../../src/content/visible-course";
import { unsafeFound } from "../support/terminal-unsafe";

function hostilePack(): string {
  const pack = mkdtempSync(join(tmpdir(), "st-visible-course-"));
  writeFileSync(
    join(pack, "skills.yaml"),
    'kind: skills\nskills:\n  - id: hostile-skill\n    title: {ja: "技能\\e[2J", en: "Skill\\u202e"}\n',
  );
  writeFileSync(
    join(pack, "exercises.yaml"),
    [
      "kind: exercises",
      "exercises:",
      "  - id: hostile-sigmoid",
      "    skill: hostile-skill",
      "    params:",
      "      x: {choices: [-2, 1, 2]}",
      "    quantity: sigmoid",
      '    prompt: {ja: "x = {x} の σ(x)\\ec", en: "σ(x) at x = {x}\\x9b2J"}',
      "    hints:",
      '      - ja: "一行目\\n二行目\\e#8"',
      '        en: "line one\\nline two\\e#8"',
      '    solution: {ja: "{expected}", en: "{expected}"}',
      "",
    ].join("\n"),
  );
  return pack;
}

describe("visibleCourse", () => {
  it("a loaded pack's texts hold escapes, not controls; line breaks stay", () => {
    const loaded = loadContent(["content", hostilePack()], process.cwd());
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join("\n"));
    const template = loaded.course.exercises.get("hostile-sigmoid")!;
    expect(template.parts[0]!.prompt.en).toBe("σ(x) at x = {x}\\x9B2J");
    expect(template.hints[0]!.en).toBe("line one\nline two\\x1B#8");
    expect(loaded.course.skills.find((s) => s.id === "hostile-skill")!.title.en).toBe("Skill\\u202E");
    // Every string anywhere in the course, joined: none holds an unsafe character.
    const strings: string[] = [];
    JSON.stringify([...loaded.course.exercises.values(), ...loaded.course.lessons.values(), loaded.course], (_key, value) => {
      if (typeof value === "string") strings.push(value);
      return value;
    });
    expect(unsafeFound(strings.join("\n"))).toEqual([]);
  });

  it("a course with nothing to escape is returned as it is", () => {
    const loaded = loadContent(["content"], process.cwd());
    if (!loaded.ok) throw new Error("the shipped content does not load");
    expect(visibleCourse(loaded.course)).toBe(loaded.course);
  });
});
