// Renders the trainer in ink-testing-library with fresh stores, a fixed clock and a fixed
// terminal size, and sends keys the way a terminal would (escape sequences, 0x7F for Backspace).
import { render } from "ink-testing-library";
import type { Course } from "../../src/content/model";
import type { Lang } from "../../src/core/i18n";
import { createProgressStore, type ProgressStore } from "../../src/progress";
import { App, type AppProps } from "../../src/ui/App";
import { createTrainerContext, type ScreenId, type TrainerContextValue, TrainerProvider } from "../../src/ui/context";
import { COURSE } from "../engine/fixtures";

export const KEYS = {
  up: "\u001B[A",
  down: "\u001B[B",
  right: "\u001B[C",
  left: "\u001B[D",
  enter: "\r",
  escape: "\u001B",
  backspace: "\u007F",
  tab: "\t",
  ctrlU: "\u0015",
  ctrlC: "\u0003",
  pageDown: "\u001B[6~",
  pageUp: "\u001B[5~",
} as const;

/** Lets Ink process input and render: the frame updates after a macrotask. */
export function tick(ms = 5): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export const NOW = new Date("2030-03-01T09:00:00Z");

export interface TrainerOptions {
  course?: Course;
  store?: ProgressStore;
  lang?: Lang;
  ascii?: boolean;
  color?: boolean;
  initial?: ScreenId;
  columns?: number;
  rows?: number;
  seed?: number;
  count?: number;
  skills?: string[];
  now?: () => Date;
}

export async function renderTrainer(options: TrainerOptions = {}) {
  const now = options.now ?? (() => NOW);
  const store = options.store ?? createProgressStore({ dataDir: null, now });
  const context: TrainerContextValue = createTrainerContext({
    course: options.course ?? COURSE,
    progress: store,
    settings: { lang: options.lang ?? "en", ascii: options.ascii ?? false, color: options.color ?? false, screenReader: false },
    session: { seed: options.seed ?? 7, count: options.count, skills: options.skills ?? [] },
    now,
    size: { columns: options.columns ?? 80, rows: options.rows ?? 24 },
  });
  return { ...(await renderContext(context, { initial: options.initial ?? "home" })), store };
}

/** Renders the App with a context made by the caller (e.g. prepareQuiz's), with the same key helpers. */
export async function renderContext(context: TrainerContextValue, app: AppProps = {}) {
  const instance = render(
    <TrainerProvider value={context}>
      <App {...app} />
    </TrainerProvider>,
  );
  await tick();
  const frame = () => instance.lastFrame() ?? "";
  /**
   * Sends keys one at a time. After each, waits for Ink to render, and while frames keep coming
   * (a new screen mounting and subscribing to input) a little more, so the next key is not lost.
   */
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      instance.stdin.write(key);
      await tick();
      // Several keys in one write are handed on one at a time, each after the one before has been
      // drawn: wait for a longer quiet spell before taking the frame as the last.
      const keys = [...key.replace(/\u001B(\[[0-9;?]*[@-~]|O.)?/g, "E")].length;
      const quiet = keys > 1 ? 8 : 1;
      for (let seen = instance.frames.length, still = 0, i = 0; i < 40 && still < quiet; i++) {
        await tick();
        still = instance.frames.length === seen ? still + 1 : 0;
        seen = instance.frames.length;
      }
    }
  };
  /** Types text one character at a time, as a learner does. */
  const type = async (text: string) => {
    for (const ch of text) await press(ch);
  };
  return { ...instance, frame, press, type, store: context.progress, context };
}
