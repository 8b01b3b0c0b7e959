// Texts of the Explore screen. The caption keeps the article's picture: a hiker in fog feels
// the slope underfoot; here that slope is the tangent line, and its steepness is σ′(x).
import type { Localized } from "../../core/i18n";

export const EXPLORE_TEXT = {
  title: { ja: "グラフで探る", en: "Explore" },
  caption: {
    ja: "接線の傾きが σ′(x)、霧の中で足元に感じる坂の傾きです。",
    en: "The tangent's slope is σ′(x): the slope underfoot in the fog.",
  },
  captionShort: { ja: "足元の坂の傾き = σ′(x) = 接線の傾き", en: "Slope underfoot: σ′(x), the tangent" },
  steepestHere: { ja: "ここが最も急な点です: σ′(0) = 1/4", en: "Here is the steepest point: σ′(0) = 1/4" },
  // Each symbol is named once, for one thing: ● and ○ are the learner's point on σ and on σ′, ◆
  // the steepest point, ▲ x on the axis (the lines saying the learner is on the steepest point
  // use no mark, so ● keeps its one meaning).
  // The curves are told apart by their lines and by the names drawn beside them. The wide legend
  // leaves ◆ to the steepest-point line under the values.
  steepestShort: { ja: "ここが最も急", en: "here: steepest" },
  steepestThere: { ja: "{mark} 最も急な点は x = 0（σ′(0) = 1/4）", en: "{mark} steepest point at x = 0 (σ′(0) = 1/4)" },
  legend: {
    ja: "{point} {derivative} σ(x)（実線、左の目盛り）と σ′(x)（点線、右）上の x、{axis} は x、破線は接線",
    en: "{point} {derivative} x on σ(x) (solid, left scale), σ′(x) (dotted, right); {axis} x; dashes: tangent",
  },
  legendAscii: {
    ja: "{point} {derivative} sigma(x)（*、左の目盛り）と sigma'(x)（.、右）上の x、{axis} は x、= / は接線",
    en: "{point} {derivative} x on sigma(x) (*, left scale), sigma'(x) (., right); {axis} x; = /: tangent",
  },
  legendShort: {
    ja: "{point} {derivative} σ, σ′ 上の x、{steepest} 最も急、{axis} x",
    en: "{point} {derivative} x on σ, σ′; {steepest} steepest; {axis} x",
  },
  legendShortAscii: {
    ja: "{point} {derivative} s, s' 上の x、{steepest} 最も急、{axis} x",
    en: "{point} {derivative} x on s, s'; {steepest} steepest; {axis} x",
  },
  plotLabel: {
    ja: "σ(x) と σ′(x) のグラフ（x は −6 から 6）。x = {x} での接線の傾きは {slope} です。",
    en: "Plot of σ(x) and σ′(x) for x from −6 to 6. At x = {x} the tangent's slope is {slope}.",
  },
  keyMove: { ja: "x を動かす", en: "move x" },
  keyMoveShort: { ja: "x", en: "x" },
  keyFar: { ja: "1 ずつ", en: "by 1" },
  keyCentre: { ja: "x = 0 へ", en: "x = 0" },
} as const satisfies Record<string, Localized>;
