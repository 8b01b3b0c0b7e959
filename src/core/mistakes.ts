// The built-in library of the typical mistakes with the sigmoid and its derivative. Each has a
// short name and one feedback sentence per language that names the mistake and says how to
// tell next time (docs/contributing.md, Writing for learners), quoting the learner's own numbers where it helps.
import { fillBoth, type Localized } from "./i18n";
import { formatShortest, showBrief, showSignificant } from "./number-format";
import type { KnownMistakeId, MistakeId, Params } from "./types";

/** What a message may quote. Everything but digits and expected is optional. */
export interface MistakeContext {
  /** Significant figures the question asks for; quoted numbers are rounded to these. */
  digits: number;
  expected: number;
  /** The value this mistake produces for the question. */
  mistakeValue?: number;
  /** The learner's answer as read. */
  answer?: number;
  /** The variant's params, e.g. { x: 2 }. */
  params?: Params;
  /** The quantity asked for, e.g. "sigmoid" or "derivative". */
  quantity?: string;
}

export interface MistakeEntry {
  id: string;
  name: Localized;
  message(ctx: MistakeContext): Localized;
}

/** A parameter for a formula: σ(−2), not σ(-2). */
/** x as prompts show it: at most 4 significant figures (ln 9 reads 2.197, not 2.1972245773362196). */
function arg(value: number): string {
  return showBrief(value);
}

function num(ctx: MistakeContext, value: number): string {
  return showSignificant(value, ctx.digits);
}

/** "σ(2)" when x is known, "σ(x)" otherwise. */
function at(ctx: MistakeContext): string {
  const x = ctx.params?.x;
  return x === undefined ? "x" : arg(x);
}

/** " ≈ 0.881" when the mistake's value is known. */
function approx(ctx: MistakeContext): string {
  return ctx.mistakeValue === undefined ? "" : ` ≈ ${num(ctx, ctx.mistakeValue)}`;
}

const ALWAYS_POSITIVE = new Set(["sigmoid", "derivative", "derivative-from-output", "max-slope"]);
/** Quantities whose mistake values are σ(x)-based numbers a message may quote as σ(x), σ(x)². */
const QUOTES_SIGMA = new Set(["sigmoid", "derivative", "derivative-from-output", "max-slope", "derivative-formula"]);
function quotesSigma(ctx: MistakeContext): boolean {
  return ctx.quantity === undefined || QUOTES_SIGMA.has(ctx.quantity);
}

/**
 * A message that quotes σ at the question's x where the quantity's values are σ-based, and
 * states the rule in general where they are not (a formula answer, say).
 */
function quotingSigma(general: Localized, quoting: (x: string, ctx: MistakeContext) => Localized): MistakeEntry["message"] {
  return (ctx) => (quotesSigma(ctx) ? quoting(at(ctx), ctx) : general);
}

const ASKED_FOR_DERIVATIVE = new Set(["derivative", "derivative-from-output", "backprop-local-gradient", "max-slope"]);

/** The catalogue: its ids are the type KnownMistakeId (types.ts). */
export const MISTAKE_ENTRIES = [
  {
    id: "sigmoid-instead-of-derivative",
    name: { ja: "σ′ の代わりに σ", en: "σ instead of σ′" },
    message: quotingSigma(
      {
        ja: "傾き σ′ = σ(1 − σ) を使うべきところで σ（曲線の高さ）を使っています。σ の傾きが 0.25 を超えることはありません。",
        en: "You used σ, the height of the curve, where its slope σ′ = σ(1 − σ) belongs. The slope of σ is never above 0.25.",
      },
      (x, ctx) => ({
        ja: `それは曲線の高さ σ(${x})${approx(ctx)} です。σ′(${x}) は傾きで、σ(${x})(1 − σ(${x})) で求めます。σ の傾きが 0.25 を超えることはありません。`,
        en: `That is σ(${x})${approx(ctx)}, the height of the curve; σ′(${x}) is its slope, σ(${x})(1 − σ(${x})). The slope of σ is never above 0.25.`,
      }),
    ),
  },
  {
    id: "derivative-instead-of-sigmoid",
    name: { ja: "σ の代わりに σ′", en: "σ′ instead of σ" },
    message: (ctx) => {
      const x = at(ctx);
      const xv = ctx.params?.x;
      const negX = xv === undefined ? "−x" : arg(-xv);
      const tell =
        xv === undefined
          ? { ja: "σ(0) = 0.5 で、x が大きいほど σ(x) は 1 に近づきます。", en: "σ(0) = 0.5, and σ(x) nears 1 as x grows." }
          : xv > 0
            ? { ja: `x > 0 なら σ(x) は必ず 0.5 より大きくなります。`, en: "For x > 0, σ(x) is always above 0.5." }
            : xv < 0
              ? { ja: `x < 0 なら σ(x) は 0 と 0.5 の間です。`, en: "For x < 0, σ(x) is between 0 and 0.5." }
              : { ja: "σ(0) はちょうど 0.5 です。", en: "σ(0) is exactly 0.5." };
      return {
        ja: `それは曲線の傾き σ′(${x})${approx(ctx)} です。σ(${x}) は高さで、1/(1 + e^(${negX})) です。${tell.ja}`,
        en: `That is σ′(${x})${approx(ctx)}, the slope of the curve; σ(${x}) is its height, 1/(1 + e^(${negX})). ${tell.en}`,
      };
    },
  },
  {
    id: "complement",
    name: { ja: "1 − σ(x) と取り違え", en: "1 − σ(x) by mistake" },
    message: (ctx) => {
      const x = at(ctx);
      const negX = ctx.params?.x === undefined ? "−x" : arg(-ctx.params.x);
      if (ctx.quantity === "backprop-local-gradient") {
        return {
          ja: `それは ∂L/∂σ × (1 − s)${approx(ctx)} です。局所勾配は s(1 − s) なので、s も掛けてください。`,
          en: `That is ∂L/∂σ × (1 − s)${approx(ctx)}. The local gradient is s(1 − s): multiply by s too.`,
        };
      }
      if (ctx.quantity !== undefined && ASKED_FOR_DERIVATIVE.has(ctx.quantity)) {
        return {
          ja: `それは 1 − σ(${x})${approx(ctx)} だけです。σ′(${x}) = σ(${x})(1 − σ(${x})) は 2 つの因子の積なので、σ(${x}) も掛けてください。`,
          en: `That is only 1 − σ(${x})${approx(ctx)}. σ′(${x}) = σ(${x})(1 − σ(${x})) is a product of two factors: multiply by σ(${x}) too.`,
        };
      }
      return {
        ja: `それは 1 − σ(${x}) = σ(${negX})${approx(ctx)}、反対側の値です。σ(x) が 0.5 より大きくなるのは x > 0 のときです。`,
        en: `That is 1 − σ(${x}) = σ(${negX})${approx(ctx)}, the value on the other side. σ(x) is above 0.5 exactly when x > 0.`,
      };
    },
  },
  {
    id: "squared-sigmoid",
    name: { ja: "σ(1 − σ) の代わりに σ²", en: "σ² instead of σ(1 − σ)" },
    message: quotingSigma(
      {
        ja: "σ(1 − σ) を使うべきところで σ² を使っています。2 つ目の因子は σ ではなく 1 − σ です。",
        en: "You used σ² where σ(1 − σ) belongs: the second factor is 1 − σ, not σ again.",
      },
      (x, ctx) => ({
        ja: `それは σ(${x})²${approx(ctx)} です。σ′(${x}) = σ(${x})(1 − σ(${x})) の 2 つ目の因子は σ(${x}) ではなく 1 − σ(${x}) です。x = 0 ではどちらも 0.25 になるので、別の x で確かめましょう。`,
        en: `That is σ(${x})²${approx(ctx)}. In σ′(${x}) = σ(${x})(1 − σ(${x})) the second factor is 1 − σ(${x}), not σ(${x}) again. Both give 0.25 at x = 0, so test with another x.`,
      }),
    ),
  },
  {
    id: "sign-error",
    name: { ja: "符号の誤り", en: "sign error" },
    message: (ctx) =>
      ctx.quantity === "gradient-descent-step"
        ? {
            ja: "符号が逆で、坂を上る向きに進んでいます。勾配降下法では w から 学習率 × 勾配 を引きます。",
            en: "The sign is wrong: that step goes uphill. Gradient descent subtracts learning rate × gradient from w.",
          }
        : ctx.quantity === "sigmoid"
          ? {
              ja: "大きさは合っていますが、符号が逆です。σ(x) = 1/(1 + e^(−x)) の分母は正なので、σ(x) は必ず 0 と 1 の間の正の数です。",
              en: "The size is right but the sign is wrong. The denominator of σ(x) = 1/(1 + e^(−x)) is positive, so σ(x) is always between 0 and 1.",
            }
          : ctx.quantity === undefined || ALWAYS_POSITIVE.has(ctx.quantity)
            ? {
                ja: "大きさは合っていますが、符号が逆です。σ(x) も σ′(x) も常に正です。連鎖律では −u^(−2) と −e^(−x) の 2 つのマイナスが打ち消し合います。",
                en: "The size is right but the sign is wrong. σ(x) and σ′(x) are always positive; in the chain rule the minus signs of −u^(−2) and −e^(−x) cancel.",
              }
            : {
                ja: "大きさは合っていますが、符号が逆です。式のマイナス記号を 1 つずつ確かめ、答えが正か負かを先に考えましょう。",
                en: "The size is right but the sign is wrong. Check each minus sign, and decide first whether the answer is positive or negative.",
              },
  },
  {
    id: "power-of-ten",
    name: { ja: "小数点の位置の誤り", en: "decimal point moved" },
    message: (ctx) => {
      const ratio = ctx.answer !== undefined && ctx.expected !== 0 ? Math.abs(ctx.answer / ctx.expected) : undefined;
      const k = ratio === undefined || ratio === 0 ? 0 : Math.round(Math.log10(ratio));
      const factor = k === 0 ? null : Math.abs(k) <= 3 ? String(10 ** Math.abs(k)) : `10^${Math.abs(k)}`;
      const way = k > 0 ? { ja: "大きすぎます", en: "too large" } : { ja: "小さすぎます", en: "too small" };
      return factor === null
        ? {
            ja: "数字の並びは合っていますが、小数点の位置がずれています。書く前に大きさを見積もりましょう: σ(x) は 0 と 1 の間、σ′(x) は 0.25 以下です。",
            en: "The digits are right but the decimal point is in the wrong place. Estimate the size before writing: σ(x) is between 0 and 1, σ′(x) at most 0.25.",
          }
        : {
            ja: `数字の並びは合っていますが、${factor} 倍${way.ja}（小数点の位置のずれ）。書く前に大きさを見積もりましょう: σ(x) は 0 と 1 の間、σ′(x) は 0.25 以下です。`,
            en: `The digits are right but the value is ${factor} times ${way.en}: the decimal point moved. Estimate the size before writing: σ(x) is between 0 and 1, σ′(x) at most 0.25.`,
          };
    },
  },
  {
    id: "numerator-only",
    name: { ja: "分子の e^(−x) だけ", en: "numerator e^(−x) only" },
    message: (ctx) => {
      const negX = ctx.params?.x === undefined ? "−x" : arg(-ctx.params.x);
      return {
        ja: `それは分子の e^(${negX})${approx(ctx)} だけです。σ′(x) = e^(−x)/(1 + e^(−x))^2 なので、分母の (1 + e^(−x))^2 でも割る必要があります。`,
        en: `That is the numerator e^(${negX})${approx(ctx)} alone. σ′(x) = e^(−x)/(1 + e^(−x))^2: divide it by (1 + e^(−x))^2 as well.`,
      };
    },
  },
  {
    id: "forgot-square",
    name: { ja: "分母の 2 乗を忘れた", en: "denominator not squared" },
    message: (ctx) => ({
      ja: `それは e^(−x)/(1 + e^(−x))${approx(ctx)} で、分母が 2 乗されていません（この値は 1 − σ(x) と同じです）。σ′(x) = e^(−x)/(1 + e^(−x))^2 です。`,
      en: `That is e^(−x)/(1 + e^(−x))${approx(ctx)}: the denominator is not squared (this is the same as 1 − σ(x)). σ′(x) = e^(−x)/(1 + e^(−x))^2.`,
    }),
  },
  {
    id: "square-only-exp",
    name: { ja: "e^(−x) だけを 2 乗", en: "only e^(−x) squared" },
    message: (ctx) => ({
      ja: `それは分母を 1 + (e^(−x))^2 にした値${approx(ctx)}です。2 乗するのは 1 + e^(−x) 全体で、(1 + e^(−x))^2 です。`,
      en: `That uses 1 + (e^(−x))^2 as the denominator${approx(ctx)}. Square all of 1 + e^(−x): (1 + e^(−x))^2.`,
    }),
  },
  {
    id: "x-for-sigma",
    name: { ja: "σ(x) の代わりに x", en: "x put in for σ(x)" },
    message: (ctx) => {
      const x = at(ctx);
      return {
        ja: `それは x(1 − x)${approx(ctx)} で、s(1 − s) の s に x を入れています。s は x ではなく σ(${x}) です。先に σ(${x}) を求めてから s(1 − s) に入れます。`,
        en: `That is x(1 − x)${approx(ctx)}: x went where s belongs in s(1 − s). s is σ(${x}), not x. Find σ(${x}) first, then put it into s(1 − s).`,
      };
    },
  },
  {
    id: "constant-quarter",
    name: { ja: "どこでも 0.25", en: "0.25 everywhere" },
    message: (ctx) =>
      ctx.quantity === "backprop-local-gradient"
        ? {
            ja: "局所勾配を 0.25 にしています。0.25 は s = 0.5 のときだけの最大値です。このときの s で s(1 − s) を計算します。",
            en: "You used 0.25 for the local gradient. 0.25 is its largest value, reached only at s = 0.5; compute s(1 − s) with this s.",
          }
        : {
            ja: "0.25 は x = 0 での傾き σ′(0)、傾きの最大値です。ほかの x では傾きはもっと小さくなるので、σ(x)(1 − σ(x)) を計算します。",
            en: "0.25 is σ′(0), the largest slope, reached only at x = 0. Elsewhere the slope is smaller: compute σ(x)(1 − σ(x)).",
          },
  },
  {
    id: "truncated",
    name: { ja: "四捨五入せずに切り捨て", en: "cut off, not rounded" },
    message: (ctx) => ({
      ja: `桁を切り捨てています。値 ${showSignificant(ctx.expected, Math.min(12, ctx.digits + 2))} を有効数字${ctx.digits}桁に四捨五入すると ${num(ctx, ctx.expected)} です。次の桁が 5 以上なら切り上げます。`,
      en: `The digits were cut off, not rounded. The value ${showSignificant(ctx.expected, Math.min(12, ctx.digits + 2))} rounds to ${num(ctx, ctx.expected)} at ${ctx.digits} significant figures: a next digit of 5 or more rounds up.`,
    }),
  },
  {
    id: "forgot-upstream",
    name: { ja: "上流の勾配を掛け忘れ", en: "upstream gradient left out" },
    message: (ctx) => ({
      ja: `それは局所勾配 s(1 − s)${approx(ctx)} だけです。∂L/∂x = ∂L/∂σ × s(1 − s) なので、届いた上流の勾配 ∂L/∂σ も掛けます。`,
      en: `That is only the local gradient s(1 − s)${approx(ctx)}. ∂L/∂x = ∂L/∂σ × s(1 − s): multiply by the upstream gradient ∂L/∂σ too.`,
    }),
  },
  {
    id: "value-instead-of-derivative",
    name: { ja: "導関数の代わりに関数の値", en: "value instead of derivative" },
    message: (ctx) =>
      ctx.quantity === "relu-derivative"
        ? {
            ja: `それは ReLU(x) = max(0, x) の値${approx(ctx)}で、傾きではありません。ReLU の傾きは x > 0 なら 1、x < 0 なら 0 です。`,
            en: `That is the value of ReLU(x) = max(0, x)${approx(ctx)}, not its slope. The slope of ReLU is 1 for x > 0 and 0 for x < 0.`,
          }
        : {
            ja: `それは関数の値${approx(ctx)}で、導関数（傾き）ではありません。値はグラフの高さ、導関数はその点での傾きです。`,
            en: `That is the function's value${approx(ctx)}, not its derivative. The value is the height of the graph; the derivative is its slope there.`,
          },
  },
] as const satisfies readonly MistakeEntry[];

export const MISTAKES: ReadonlyMap<string, MistakeEntry> = new Map(MISTAKE_ENTRIES.map((entry) => [entry.id, entry]));

/** Ids that have their own message (content packs may use others, which get the fallback). */
export const CATALOGUE_IDS: readonly KnownMistakeId[] = MISTAKE_ENTRIES.map((entry) => entry.id);

export function mistakeName(id: MistakeId): Localized {
  return MISTAKES.get(id)?.name ?? { ja: id, en: id };
}

/** The feedback sentence for a diagnosed mistake; unknown ids get a generic sentence that names them. */
export function mistakeMessage(id: MistakeId, ctx: MistakeContext): Localized {
  const entry = MISTAKES.get(id);
  if (entry) return entry.message(ctx);
  return {
    ja: `よくある間違い（${id}）と同じ値です。解き方の各段階を見直してください。`,
    en: `This matches a common mistake (${id}). Go through your steps once more.`,
  };
}

/**
 * Fills {x}, {expected}, {answer} and {value} (the mistake's value) in a message a content
 * author wrote for one template, in both languages; other braces are left as they are.
 */
export function localizedWith(text: Localized, ctx: MistakeContext): Localized {
  return fillBoth(text, {
    x: ctx.params?.x === undefined ? undefined : arg(ctx.params.x),
    expected: num(ctx, ctx.expected),
    answer: ctx.answer === undefined ? undefined : formatShortest(ctx.answer),
    value: ctx.mistakeValue === undefined ? undefined : num(ctx, ctx.mistakeValue),
  });
}
