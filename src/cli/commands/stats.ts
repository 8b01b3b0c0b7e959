// `stats [--json] [--data-dir DIR] [--lang ja|en]`: what the learner has done and what is due.
import type { Lang } from "../../core/i18n";
import { computeStats, type Stats } from "../../progress";
import { parseCommandArgs, UsageError } from "../args";
import { openProgress } from "../data-dir";
import { type Command, writeLine } from "../io";

const OPTIONS = {
  json: { type: "boolean" },
  "data-dir": { type: "string" },
  lang: { type: "string" },
} as const;

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, "stats");
  if (positionals.length > 0) throw new UsageError(`stats: unexpected argument "${positionals[0]}"`);
  const { store, dataDir, lang } = openProgress(values, io);
  const stats = computeStats(store.getState(), new Date());
  if (values.json) {
    writeLine(io.stdout, JSON.stringify({ ...stats, dataDir }));
    return 0;
  }
  io.stdout.write(formatStats(stats, dataDir, lang));
  return 0;
};

const percent = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);

export function formatStats(stats: Stats, dataDir: string, lang: Lang): string {
  const lines: string[] = [];
  const ja = lang === "ja";
  lines.push(ja ? `保存先: ${dataDir}` : `Progress in ${dataDir}`);
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
  lines.push(ja ? `連続日数: ${stats.streak} 日` : `Streak: ${stats.streak} day${stats.streak === 1 ? "" : "s"}`);
  lines.push(
    ja
      ? `復習の時期が来たもの: ${stats.due} 件（今日の復習: ${stats.reviewQueue} 件）`
      : `Due for review: ${stats.due} (today's queue: ${stats.reviewQueue})`,
  );
  lines.push(ja ? "スキル別:" : "By skill:");
  const width = Math.max(...Object.keys(stats.skills).map((id) => id.length));
  for (const [id, s] of Object.entries(stats.skills)) {
    const hints = s.hints > 0 ? (ja ? `、ヒント ${s.hints} 回` : `, ${s.hints} hint${s.hints === 1 ? "" : "s"}`) : "";
    const due = s.due > 0 ? (ja ? `、復習 ${s.due} 件` : `, ${s.due} due`) : "";
    lines.push(
      ja
        ? `  ${id.padEnd(width)}  解答 ${s.attempts} 件、正解 ${s.correct} 件（${percent(s.accuracy)}）${hints}${due}`
        : `  ${id.padEnd(width)}  ${s.attempts} answer${s.attempts === 1 ? "" : "s"}, ${s.correct} correct (${percent(s.accuracy)})${hints}${due}`,
    );
  }
  const mistakes = Object.entries(stats.mistakes);
  if (mistakes.length > 0) {
    lines.push(ja ? "ミスの種類:" : "Mistakes:");
    const w = Math.max(...mistakes.map(([id]) => id.length));
    for (const [id, n] of mistakes) lines.push(ja ? `  ${id.padEnd(w)}  ${n} 回` : `  ${id.padEnd(w)}  ${n}`);
  }
  return `${lines.join("\n")}\n`;
}
