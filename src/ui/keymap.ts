// The one key-binding table (after gemini-cli's keyBindings.ts): every screen asks `matches(action,
// input, key)` instead of testing keys itself, and the help screen and key bars print this table,
// so what the help says is what the keys do.
import type { Key } from "ink";
import type { Localized } from "../core/i18n";

/** Each named key and how Ink reports it. */
const NAMED_KEYS = {
  up: (_input, key) => key.upArrow,
  down: (_input, key) => key.downArrow,
  left: (_input, key) => key.leftArrow,
  right: (_input, key) => key.rightArrow,
  enter: (_input, key) => key.return,
  escape: (_input, key) => key.escape,
  tab: (_input, key) => key.tab && !key.shift,
  backspace: (_input, key) => key.backspace || key.delete,
  home: (_input, key) => key.home,
  end: (_input, key) => key.end,
  pageUp: (_input, key) => key.pageUp,
  pageDown: (_input, key) => key.pageDown,
  space: (input, key) => input === " " && !key.ctrl && !key.meta,
} satisfies Record<string, (input: string, key: Key) => boolean>;

export type KeyName = keyof typeof NAMED_KEYS;

/** A key: a named key, or a typed character, optionally with Ctrl. */
export interface KeyBinding {
  name?: KeyName;
  input?: string;
  ctrl?: boolean;
}

export type KeyGroup = "everywhere" | "home" | "answer" | "practice" | "learn" | "explore" | "lists";

export interface ActionSpec {
  keys: readonly KeyBinding[];
  group: KeyGroup;
  description: Localized;
}

export const KEY_BINDINGS = {
  // Everywhere
  help: { keys: [{ input: "?" }], group: "everywhere", description: { ja: "ヘルプ（このキー一覧）", en: "help (this list of keys)" } },
  back: { keys: [{ name: "escape" }], group: "everywhere", description: { ja: "前の画面に戻る", en: "go back" } },
  forceQuit: {
    keys: [{ input: "c", ctrl: true }],
    group: "everywhere",
    description: { ja: "保存して終了する", en: "save and quit" },
  },
  // Lists and menus
  up: { keys: [{ name: "up" }, { input: "k" }], group: "lists", description: { ja: "上へ", en: "move up" } },
  down: { keys: [{ name: "down" }, { input: "j" }], group: "lists", description: { ja: "下へ", en: "move down" } },
  select: { keys: [{ name: "enter" }], group: "lists", description: { ja: "選ぶ", en: "choose" } },
  toggle: {
    keys: [{ name: "space" }, { name: "enter" }],
    group: "lists",
    description: { ja: "設定を切り替える", en: "change a setting" },
  },
  // Home menu
  quit: { keys: [{ input: "q" }], group: "home", description: { ja: "終了する（ホーム画面で）", en: "quit (from Home)" } },
  openLearn: { keys: [{ input: "l" }], group: "home", description: { ja: "学ぶ", en: "Learn" } },
  openPractice: { keys: [{ input: "p" }], group: "home", description: { ja: "練習", en: "Practice" } },
  openReview: { keys: [{ input: "r" }], group: "home", description: { ja: "復習", en: "Review" } },
  openQuiz: { keys: [{ input: "t" }], group: "home", description: { ja: "クイズ", en: "Quiz" } },
  openExplore: { keys: [{ input: "e" }], group: "home", description: { ja: "グラフで探る", en: "Explore" } },
  openStats: { keys: [{ input: "s" }], group: "home", description: { ja: "成績", en: "Stats" } },
  openSettings: { keys: [{ input: "o" }], group: "home", description: { ja: "設定", en: "Settings" } },
  // Typing an answer
  submit: { keys: [{ name: "enter" }], group: "answer", description: { ja: "答えを採点する", en: "grade the answer" } },
  cursorLeft: {
    keys: [{ name: "left" }, { input: "b", ctrl: true }],
    group: "answer",
    description: { ja: "カーソルを左へ", en: "cursor left" },
  },
  cursorRight: {
    keys: [{ name: "right" }, { input: "f", ctrl: true }],
    group: "answer",
    description: { ja: "カーソルを右へ", en: "cursor right" },
  },
  cursorStart: {
    keys: [{ name: "home" }, { input: "a", ctrl: true }],
    group: "answer",
    description: { ja: "行の先頭へ", en: "start of the line" },
  },
  cursorEnd: {
    keys: [{ name: "end" }, { input: "e", ctrl: true }],
    group: "answer",
    description: { ja: "行の末尾へ", en: "end of the line" },
  },
  deleteBack: {
    // Ink 6 reports the 0x7F most terminals send for Backspace as key.delete: both map here.
    keys: [{ name: "backspace" }],
    group: "answer",
    description: { ja: "1 文字消す", en: "delete a character" },
  },
  clearLine: { keys: [{ input: "u", ctrl: true }], group: "answer", description: { ja: "入力を全部消す", en: "clear the answer" } },
  // Practice and review
  hint: {
    keys: [{ input: "h" }],
    group: "practice",
    description: { ja: "次のヒント（最後は解き方）", en: "next hint (the last is the worked solution)" },
  },
  skip: { keys: [{ name: "tab" }], group: "practice", description: { ja: "この問題を飛ばす", en: "skip this question" } },
  next: { keys: [{ name: "enter" }, { input: "n" }], group: "practice", description: { ja: "次の問題へ", en: "next question" } },
  retry: {
    keys: [{ input: "r" }],
    group: "practice",
    description: { ja: "間違えた問題を同じ数でもう一度", en: "try a missed question again, same numbers" },
  },
  scrollUp: { keys: [{ name: "pageUp" }], group: "practice", description: { ja: "上にスクロール", en: "scroll up" } },
  scrollDown: { keys: [{ name: "pageDown" }], group: "practice", description: { ja: "下にスクロール", en: "scroll down" } },
  // Learn
  previousStep: { keys: [{ name: "left" }], group: "learn", description: { ja: "前のステップ", en: "previous step" } },
  nextStep: { keys: [{ name: "right" }], group: "learn", description: { ja: "次のステップ", en: "next step" } },
  openContents: {
    keys: [{ name: "tab" }],
    group: "learn",
    description: { ja: "ステップ一覧（章とステップを選ぶ）", en: "all steps (pick a chapter and step)" },
  },
  // Explore
  moveLeft: { keys: [{ name: "left" }, { input: "h" }], group: "explore", description: { ja: "x を左へ", en: "move x left" } },
  moveRight: { keys: [{ name: "right" }, { input: "l" }], group: "explore", description: { ja: "x を右へ", en: "move x right" } },
  // Shift+←/→ does the same where the terminal reports Shift (Explore checks key.shift itself).
  moveLeftFar: { keys: [{ input: "[" }], group: "explore", description: { ja: "x を 1 だけ左へ", en: "move x left by 1" } },
  moveRightFar: { keys: [{ input: "]" }], group: "explore", description: { ja: "x を 1 だけ右へ", en: "move x right by 1" } },
  moveToSteepest: {
    keys: [{ input: "0" }],
    group: "explore",
    description: { ja: "最も急な点 x = 0 へ", en: "back to the steepest point, x = 0" },
  },
} as const satisfies Record<string, ActionSpec>;

export type Action = keyof typeof KEY_BINDINGS;

export const KEY_GROUPS: readonly KeyGroup[] = ["everywhere", "home", "lists", "answer", "practice", "learn", "explore"];

export function bindingMatches(binding: KeyBinding, input: string, key: Key): boolean {
  if (binding.name !== undefined) return NAMED_KEYS[binding.name](input, key) && (binding.ctrl ?? false) === key.ctrl;
  if (binding.input === undefined) return false;
  if ((binding.ctrl ?? false) !== key.ctrl || key.meta) return false;
  return input === binding.input || (!key.ctrl && halfWidth(input) === binding.input);
}

/**
 * A full-width letter or sign (ｈ, ｑ, ？) as its ASCII key: a Japanese input method left on
 * types them, and the one-key shortcuts should still work. Other input is returned unchanged.
 */
function halfWidth(input: string): string {
  if (input.length !== 1) return input;
  const code = input.charCodeAt(0);
  return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : input;
}

/** True when the key pressed is one of the action's keys. */
export function matches(action: Action, input: string, key: Key): boolean {
  return KEY_BINDINGS[action].keys.some((binding) => bindingMatches(binding, input, key));
}

const NAME_LABELS: Record<KeyName, { unicode: string; ascii: string }> = {
  up: { unicode: "↑", ascii: "Up" },
  down: { unicode: "↓", ascii: "Down" },
  left: { unicode: "←", ascii: "Left" },
  right: { unicode: "→", ascii: "Right" },
  enter: { unicode: "Enter", ascii: "Enter" },
  escape: { unicode: "Esc", ascii: "Esc" },
  tab: { unicode: "Tab", ascii: "Tab" },
  backspace: { unicode: "Backspace", ascii: "Backspace" },
  home: { unicode: "Home", ascii: "Home" },
  end: { unicode: "End", ascii: "End" },
  pageUp: { unicode: "PgUp", ascii: "PgUp" },
  pageDown: { unicode: "PgDn", ascii: "PgDn" },
  space: { unicode: "Space", ascii: "Space" },
};

export function bindingLabel(binding: KeyBinding, ascii = false): string {
  const base = binding.name !== undefined ? NAME_LABELS[binding.name][ascii ? "ascii" : "unicode"] : (binding.input ?? "");
  return binding.ctrl ? `Ctrl+${base.toUpperCase()}` : base;
}

/** All keys of an action as the help shows them: "↑/k". */
export function keyLabel(action: Action, ascii = false): string {
  return KEY_BINDINGS[action].keys.map((b) => bindingLabel(b, ascii)).join("/");
}

/** The first key of an action, for a short key bar: "h". */
export function primaryKey(action: Action, ascii = false): string {
  return bindingLabel(KEY_BINDINGS[action].keys[0]!, ascii);
}

/** Actions of one group, in table order. */
export function actionsIn(group: KeyGroup): Action[] {
  return (Object.keys(KEY_BINDINGS) as Action[]).filter((a) => KEY_BINDINGS[a].group === group);
}
