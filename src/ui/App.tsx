// The screen router: a stack of screens (Enter opens one on top, Esc goes back), the keys that
// work everywhere (? help, Esc back, Ctrl+C save and quit), and the size check that shows
// TooSmall instead of a screen that would not fit. The one place that decides when the app exits.
import { Box, useApp } from "ink";
import { useEffect, useRef, useState } from "react";
import { type ScreenId, type ScreenProps, ScreenMemoProvider, useTrainer } from "./context";
import { KeypressProvider, useKeypress } from "./keypress";
import { matches } from "./keymap";
import { Explore } from "./screens/Explore";
import { Help } from "./screens/Help";
import { Home } from "./screens/Home";
import { Learn } from "./screens/Learn";
import { Practice } from "./screens/Practice";
import { Quiz } from "./screens/Quiz";
import { Review } from "./screens/Review";
import { Settings } from "./screens/Settings";
import { Stats } from "./screens/Stats";
import { TooSmall } from "./screens/TooSmall";
import { MIN_COLUMNS, MIN_ROWS, useTerminalSize } from "./use-terminal-size";

const SCREENS: Record<ScreenId, (props: ScreenProps) => React.ReactNode> = {
  home: Home,
  learn: Learn,
  practice: Practice,
  review: Review,
  quiz: Quiz,
  explore: Explore,
  stats: Stats,
  settings: Settings,
  help: Help,
};

const SCREENS_OWNING_ESC: ReadonlySet<ScreenId> = new Set(["quiz", "practice", "review", "learn"]);

interface Entry {
  /** Unique per visit: a screen opened twice gets fresh state the second time. */
  key: number;
  screen: ScreenId;
}

export interface AppProps {
  /** The screen to open at; Home is underneath, so Esc leads there (unless `alone`). */
  initial?: ScreenId;
  /**
   * The initial screen is the only one (the quiz started from the command line): no Home below
   * it, Esc on it is the screen's own to handle, and leaving it exits the trainer.
   */
  alone?: boolean;
}

/** The app with its one keypress layer: every key of a chunk reaches the screen open at its turn. */
export function App(props: AppProps) {
  return (
    <KeypressProvider>
      <Screens {...props} />
    </KeypressProvider>
  );
}

function Screens({ initial = "home", alone = false }: AppProps) {
  const { exitSavers, ui } = useTrainer();
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [stack, setStack] = useState<Entry[]>(() =>
    initial === "home" || alone
      ? [{ key: 0, screen: initial }]
      : [
          { key: 0, screen: "home" },
          { key: 1, screen: initial },
        ],
  );
  const nextKey = useRef(2);
  const stackRef = useRef(stack);
  stackRef.current = stack;
  // State that outlives a screen's component (see useScreenMemo), one map per stack entry.
  const memos = useRef(new Map<number, Map<string, unknown>>());
  useEffect(() => {
    const live = new Set(stack.map((e) => e.key));
    for (const key of memos.current.keys()) if (!live.has(key)) memos.current.delete(key);
  }, [stack]);

  const quit = () => {
    // Attempts are saved as they are graded; screens add what else must be kept (e.g. the lesson position).
    for (const save of exitSavers) {
      try {
        save();
      } catch {
        // A failing saver must not keep the learner from leaving; the store has already warned.
      }
    }
    exit();
  };
  // A passing word about saving ("works again") has been seen once the learner moves on.
  const moved = () => ui.getState().clearWarning("progress");
  const navigate = (screen: ScreenId) => {
    moved();
    setStack((s) => [...s, { key: nextKey.current++, screen }]);
  };
  const back = () => {
    moved();
    if (stackRef.current.length <= 1) quit();
    else setStack((s) => (s.length > 1 ? s.slice(0, -1) : s));
  };

  const top = stack.at(-1)!;
  useKeypress((input, key) => {
    if (matches("forceQuit", input, key)) return quit();
    if (matches("back", input, key)) {
      // These screens handle Esc themselves: a stray Esc must not end an exam, leaving a
      // practice or review session shows its end screen first, and in Learn Esc closes the
      // list of steps before it leaves.
      if (SCREENS_OWNING_ESC.has(stackRef.current.at(-1)?.screen ?? "home")) return;
      if (stackRef.current.length > 1) back();
      return;
    }
    if (matches("help", input, key)) {
      if (top.screen === "help") back();
      else navigate("help");
    }
  });

  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return <TooSmall columns={columns} rows={rows} />;

  let memo = memos.current.get(top.key);
  if (!memo) {
    memo = new Map();
    memos.current.set(top.key, memo);
  }
  const Screen = SCREENS[top.screen];
  return (
    // One line shorter than the terminal: a frame as tall as the terminal makes Ink clear the screen on every update.
    <Box flexDirection="column" width={columns} height={rows - 1} overflow="hidden">
      <ScreenMemoProvider key={top.key} memo={memo}>
        <Screen onBack={back} navigate={navigate} />
      </ScreenMemoProvider>
    </Box>
  );
}
