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
  steepestHere: { ja: "{mark} ここが最も急な点です: σ′(0) = 1/4", en: "{mark} The steepest point: σ′(0) = 1/4" },
  steepestShort: { ja: "{mark} 最も急な点", en: "{mark} steepest" },
  steepestThere: { ja: "{mark} 最も急な点は x = 0（σ′(0) = 1/4）", en: "{mark} steepest point at x = 0 (σ′(0) = 1/4)" },
  legend: {
    ja: "{point} σ(x)（線、左の目盛り）  {derivative} σ′(x)（点線、右の目盛り）  破線: 接線",
    en: "{point} σ(x) (solid, left scale)  {derivative} σ′(x) (dotted, right scale)  dashes: tangent",
  },
  legendAscii: {
    ja: "{point} σ(x)（*、左の目盛り）  {derivative} σ′(x)（.、右の目盛り）  - /: 接線",
    en: "{point} σ(x) (*, left scale)  {derivative} σ′(x) (., right scale)  - /: tangent",
  },
  legendShort: {
    ja: "{point} σ {derivative} σ′（右の目盛り） {steepest} 最も急",
    en: "{point} σ {derivative} σ′ (right axis) {steepest} steepest",
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
