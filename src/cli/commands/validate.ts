// `sigmoid-trainer validate [DIR ...]`: every problem in the content, each at file:line:col,
// then a self-test of every exercise template over many seeded variants. Exit 0 when all is
// well, 1 when anything is wrong. Without DIRs it checks the shipped course; --content adds
// packs to it (positional DIRs replace it).
import { englishCount } from "../../core/i18n";
import { controlCharacterProblems } from "../../content/control-chars";
import { loadContent } from "../../content/load";
import { readContentDirs } from "../../content/read";
import { visibleText } from "../../core/visible-text";
import { formatProblem, sortProblems } from "../../content/problems";
import { DEFAULT_SEEDS, selfTestCourse } from "../../content/selftest";
import { integerOption, parseCommandArgs, stringsOption } from "../args";
import { shippedContentDir } from "../content-dirs";
import { type Command, writeLine } from "../io";

const MAX_SEEDS = 10_000;

function plural(n: number, word: string): string {
  return englishCount(n, word, `${word}s`);
}

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(
    argv,
    { content: { type: "string", multiple: true }, seeds: { type: "string" } },
    "validate",
  );
  const seeds = integerOption(values, "seeds", 1, MAX_SEEDS) ?? DEFAULT_SEEDS;
  const base = positionals.length > 0 ? positionals : [shippedContentDir()];
  const dirs = [...base, ...stringsOption(values, "content")];

  const loaded = loadContent(dirs, io.cwd);
  let problems = loaded.ok ? [] : loaded.problems;
  let variants = 0;
  if (loaded.ok) {
    const tested = selfTestCourse(loaded.course, seeds);
    variants = tested.variantsTested;
    problems = tested.problems;
  }
  // Loading accepts them (the trainer shows them as escapes); a pack's author should not.
  problems = sortProblems([...problems, ...controlCharacterProblems(readContentDirs(dirs, io.cwd).files)]);
  // File names and quoted content may hold control characters: shown as escapes.
  for (const problem of problems) writeLine(io.stdout, visibleText(formatProblem(problem)));
  const { files, lessons, steps, templates } = loaded.summary;
  writeLine(
    io.stdout,
    [
      plural(files, "file"),
      plural(lessons, "lesson"),
      plural(steps, "step"),
      plural(templates, "template"),
      `${plural(variants, "variant")} tested`,
      plural(problems.length, "problem"),
    ].join(", "),
  );
  return problems.length === 0 ? 0 : 1;
};
