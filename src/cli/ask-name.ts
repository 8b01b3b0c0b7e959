// `sigmoid-trainer quiz` in a terminal without --name: the name is asked for on one line before
// the quiz is drawn (Enter keeps the name remembered from the last quiz, or the login name), and
// remembered for next time, as a quiz started from Home does.
import { createInterface } from "node:readline/promises";
import { fillIn, type Lang } from "../core/i18n";
import type { ProgressStore } from "../progress";
import { readName } from "../ui/quiz-setup";
import { type CliIO, UserError } from "./io";

const PROMPT = {
  ask: { ja: "名前（講師の集計に表示されます）: ", en: "Your name (the instructor's report shows it): " },
  askWithDefault: {
    ja: "名前（講師の集計に表示されます。Enter で「{name}」）: ",
    en: "Your name (the instructor's report shows it; Enter for {name}): ",
  },
  none: { ja: "quiz: 名前がないのでクイズを始めません", en: "quiz: no name given, so the quiz does not start" },
} as const;

export async function askLearnerName(io: CliIO, store: ProgressStore, lang: Lang, login: string | undefined): Promise<string> {
  const remembered = store.getState().settings.name ?? readName(login ?? "");
  const fallback = typeof remembered === "string" ? remembered : remembered.ok ? remembered.value : null;
  const question = fallback ? fillIn(PROMPT.askWithDefault[lang], lang, { name: fallback }) : PROMPT.ask[lang];
  const lines = createInterface({ input: io.stdin, output: io.stdout, terminal: true });
  let closed = false;
  lines.once("close", () => {
    closed = true;
  });
  try {
    for (;;) {
      if (closed) throw new UserError(PROMPT.none[lang]);
      const typed = await lines.question(question).catch(() => null);
      if (typed === null) throw new UserError(PROMPT.none[lang]);
      const name = readName(typed.trim() === "" && fallback ? fallback : typed);
      if (name.ok) {
        if (name.value !== store.getState().settings.name) store.getState().setSetting("name", name.value);
        return name.value;
      }
      io.stdout.write(`${name.message[lang]}\n`);
    }
  } finally {
    lines.close();
  }
}
