// Colours and text styles for the screens. With colour off (NO_COLOR, --no-color) every field is
// empty, so Ink writes no escape codes at all: not for colour, and not for bold, dim or inverse
// either. Meaning never rests on colour alone: marks (✓ ✗ ›) and words carry it.
import type { TextProps } from "ink";

/** Props to spread on <Text>; empty when colour is off. */
export type Style = Pick<TextProps, "color" | "bold" | "dimColor" | "inverse" | "underline">;

export interface Theme {
  color: boolean;
  /** Course title, headings. */
  title: Style;
  heading: Style;
  /** The selected menu item (also marked with ›). */
  selected: Style;
  /** Shortcut letters in menus and key bars. */
  key: Style;
  /** Right answers (also marked ✓ and said in words). */
  good: Style;
  /** Wrong answers (also marked ✗ and said in words). */
  bad: Style;
  /** Right value, too few or too many figures (also marked ≈). */
  near: Style;
  /** Invalid input and warnings. */
  warn: Style;
  /** Secondary text: key bar, hints' labels. */
  muted: Style;
  /** Filled part of a progress bar. */
  barFilled: Style;
  barEmpty: Style;
  /** Formulas. */
  formula: Style;
}

const PLAIN: Theme = {
  color: false,
  title: {},
  heading: {},
  selected: {},
  key: {},
  good: {},
  bad: {},
  near: {},
  warn: {},
  muted: {},
  barFilled: {},
  barEmpty: {},
  formula: {},
};

const COLOURED: Theme = {
  color: true,
  title: { color: "cyan", bold: true },
  heading: { bold: true },
  selected: { color: "cyan", bold: true },
  key: { color: "yellow" },
  good: { color: "green", bold: true },
  bad: { color: "red", bold: true },
  near: { color: "yellow", bold: true },
  warn: { color: "yellow" },
  muted: { dimColor: true },
  barFilled: { color: "green" },
  barEmpty: { dimColor: true },
  formula: { color: "whiteBright" },
};

export function themeFor(color: boolean): Theme {
  return color ? COLOURED : PLAIN;
}

/** Marks that carry meaning next to words (never colour alone); ASCII with the ascii setting. */
export interface Marks {
  correct: string;
  incorrect: string;
  imprecise: string;
  invalid: string;
  pointer: string;
  barFull: string;
  barEmpty: string;
  separator: string;
  caret: string;
}

const UNICODE_MARKS: Marks = {
  correct: "✓",
  incorrect: "✗",
  imprecise: "≈",
  invalid: "!",
  pointer: "›",
  barFull: "█",
  barEmpty: "░",
  separator: "·",
  caret: "▏",
};

const ASCII_MARKS: Marks = {
  correct: "OK",
  incorrect: "X",
  imprecise: "~",
  invalid: "!",
  pointer: ">",
  barFull: "#",
  barEmpty: ".",
  separator: "|",
  caret: "|",
};

export function marksFor(ascii: boolean): Marks {
  return ascii ? ASCII_MARKS : UNICODE_MARKS;
}
