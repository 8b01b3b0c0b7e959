// `stats [--json] [--data-dir DIR] [--lang ja|en] [--content DIR]`: what the learner has done
// and what is due. The text names skills by their course titles and mistakes by their names;
// `--json` keeps the ids (the contract) and does not load the course, so scripts start fast.
import { englishCount, type Lang, type Localized } from "../../core/i18n";
import { mistakeName } from "../../core/mistakes";
import { terminalSafeJson, visibleText } from "../../core/visible-text";
import { computeStats, type Stats } from "../../progress";
import { parseCommandArgs, stringsOption, UsageError } from "../args";
import { openProgress } from "../data-dir";
import { type CliIO, type Command, writeLine } from "../io";

const OPTIONS = {
  json: { type: "boolean" },
  "data-dir": { type: "string" },
  lang: { type: "string" },
  content: { type: "string", multiple: true },
} as const;

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, "stats");
  if (positionals.length > 0) throw new UsageError(`stats: unexpected argument "${positionals[0]}"`);
  const { store, dataDir, lang } = openProgress(values, io, { mustRead: { command: "stats", saves: false } });
  const stats = computeStats(store.getState(), new Date());
  if (values.json) {
    writeLine(io.stdout, terminalSafeJson(JSON.stringify({ ...stats, dataDir })));
    return 0;
  }
  const titles = stats.attempts === 0 ? new Map<string, Localized>() : await skillTitles(stringsOption(values, "content"), io, lang);
  io.stdout.write(formatStats(stats, dataDir, lang, titles));
  return 0;
};

/**
 * Skill titles from the course (the shipped one and any --content packs). Progress is worth
 * showing even when a pack is broken: then the skills go by their ids, and stderr says why.
 */
async function skillTitles(packs: readonly string[], io: CliIO, lang: Lang): Promise<Map<string, Localized>> {
  // Imported here, not at the top: the YAML parser and schema are not needed for --json.
  const { loadCourseDirs } = await import("../content-dirs");
  const { formatProblem } = await import("../../content/problems");
  const loaded = await loadCourseDirs(packs, io);
  if (loaded.ok) return new Map(loaded.course.skills.map((skill) => [skill.id, skill.title]));
  const n = loaded.problems.length;
  const first = visibleText(formatProblem(loaded.problems[0]!));
  const more = n > 1 ? (lang === "ja" ? `ほか ${n - 1} 件。` : ` and ${n - 1} more`) : "";
  writeLine(
    io.stderr,
    lang === "ja"
      ? `sigmoid-trainer: stats: コンテンツに問題があるため、スキルを id で表示します: ${first}。${more}（sigmoid-trainer validate ですべて確認できます）`
      : `sigmoid-trainer: stats: skills are shown by id, as the content has problems: ${first}${more} (sigmoid-trainer validate lists them all).`,
  );
  return new Map();
}

const percent = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);

export function formatStats(stats: Stats, dataDir: string, lang: Lang, titles: ReadonlyMap<string, Localized> = new Map()): string {
  const lines: string[] = [];
  const ja = lang === "ja";
  // Skill and mistake ids come from the journal, which may have been edited by hand: each is
  // shown with its control characters as visible escapes, on its own line.
  const shown = (text: string) => visibleText(text);
  lines.push(ja ? `保存先: ${shown(dataDir)}` : `Progress in ${shown(dataDir)}`);
  if (stats.attempts === 0) {
    lines.push(
      ja
        ? "まだ解答がありません。sigmoid-trainer learn か sigmoid-trainer practice で始めましょう。"
        : "No answers yet. Start with `sigmoid-trainer learn` or `sigmoid-trainer practice`.",
    );
    return `${lines.join("\n")}\n`;
  }
  lines.push(
    ja
      ? `解答: ${stats.attempts} 件（正解 ${stats.correct} 件、${percent(stats.accuracy)}）`
      : `Answers: ${stats.attempts} (${stats.correct} correct, ${percent(stats.accuracy)})`,
  );
  lines.push(ja ? `連続日数: ${stats.streak} 日` : `Streak: ${englishCount(stats.streak, "day", "days")}`);
  lines.push(
    ja
      ? `今日の復習: ${stats.reviewQueue} 問（時期が来たもの全部で ${stats.due} 問）`
      : `Reviews for today: ${stats.reviewQueue} (${stats.due} due in all)`,
  );
  lines.push(ja ? "スキル別:" : "By skill:");
  // Two lines a skill: the title (with the id `reset --skill` takes), then the numbers. Titles
  // mix wide and narrow characters, so columns padded by length would not line up anyway.
  // In the course's order when it is known (titles keep it), ids it does not know last.
  const order = [...titles.keys()];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const skills = Object.entries(stats.skills).sort(([a], [b]) => rank(a) - rank(b));
  for (const [id, s] of skills) {
    const title = titles.get(id);
    lines.push(title ? `  ${shown(title[lang])} [${shown(id)}]` : `  ${shown(id)}`);
    const hints = s.hints > 0 ? (ja ? `、ヒント ${s.hints} 回` : `, ${englishCount(s.hints, "hint", "hints")}`) : "";
    const due = s.due > 0 ? (ja ? `、復習 ${s.due} 件` : `, ${s.due} due`) : "";
    lines.push(
      ja
        ? `    解答 ${s.attempts} 件、正解 ${s.correct} 件（${percent(s.accuracy)}）${hints}${due}`
        : `    ${englishCount(s.attempts, "answer", "answers")}, ${s.correct} correct (${percent(s.accuracy)})${hints}${due}`,
    );
  }
  const mistakes = Object.entries(stats.mistakes);
  if (mistakes.length > 0) {
    lines.push(ja ? "ミスの種類:" : "Mistakes:");
    for (const [id, n] of mistakes) {
      const name = shown(mistakeName(id)[lang]);
      lines.push(ja ? `  ${name}: ${n} 回` : `  ${name}: ${n}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
