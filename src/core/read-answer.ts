// Reading a learner's typed number. Forgiving about how a number is typed (Unicode minus,
// full-width digits from Japanese input methods, pasted invisible characters, 1e-3, 1×10^-3,
// 1/4, a decimal comma where it cannot be misread) and strict about everything else: an
// answer that cannot be read for certain is refused with what is wrong and where, never
// guessed. In particular a magnitude is never guessed: `1,234` is a question, not a number.
//
// Positions are 1-based and count code points of the text as typed (one per character the
// learner sees, for everything except combining sequences), so a message can point at it.
import { DASH_LOOKALIKES, isInvisible, NUMBER_SUPERSCRIPTS, PLUS_LOOKALIKES, type SourceChar as InputChar } from "./input-characters";
import type { Localized } from "./i18n";

export const MAX_ANSWER_LENGTH = 200;

export type ReadErrorCode =
  | "empty"
  | "too-long"
  | "letters"
  | "not-a-number"
  | "overflow"
  | "too-small"
  | "ambiguous-separator"
  | "digit-grouping"
  | "mixed-separators"
  | "space-in-number"
  | "misplaced-sign"
  | "extra-point"
  | "missing-digits"
  | "missing-exponent"
  | "bad-exponent"
  | "power-of-ten-only"
  | "division-by-zero"
  | "missing-parenthesis"
  | "mixed-fraction"
  | "unexpected-character";

export type AnswerForm = "decimal" | "scientific" | "power" | "fraction";

export interface ReadNumber {
  ok: true;
  /** Always finite. */
  value: number;
  /**
   * Significant figures the learner typed: leading zeros never count, trailing zeros count
   * after a decimal point ("0.250" has 3) and not in a whole number ("100" has 1). Infinity
   * for an exact fraction of whole numbers such as 1/4.
   */
  sigFigs: number;
  /** True for a fraction of whole numbers: the learner wrote an exact value, not a rounded one. */
  exact: boolean;
  form: AnswerForm;
  /** How the answer was read, normalized: "0.105", "1.5×10^-3", "10^-3", "1/4". */
  readAs: string;
}

export interface ReadError {
  ok: false;
  code: ReadErrorCode;
  /** 1-based code-point position in the original input; length + 1 means "at the end". */
  position: number;
  /** What is wrong and where: the reason followed by the position ("… (position 4)."). */
  message: Localized;
  /** The reason alone, without the position, for callers that say the position their own way. */
  reason: Localized;
}

export type ReadResult = ReadNumber | ReadError;

// ---------------------------------------------------------------------------------------------
// Normalizing: each typed character becomes zero or more plain characters that remember the
// position they came from, so errors found later still point into the original text.

interface SourceChar extends InputChar {
  /** Produced by a vulgar fraction character such as ½ (read as 1/2 only when it stands alone). */
  vulgar?: true;
}

// Multiplication look-alikes, including the katakana middle dot a Japanese IME gives for "·".
const TIMES = new Set(["*", "×", "·", "⋅", "∙", "✕", "✖", "⨯", "∗", "\uff0a", "\u30fb", "\uff65"]);
const SLASHES = new Set(["/", "\u2044", "\u2215", "÷", "\uff0f"]);
// The ideographic full stop and comma are what some IMEs produce in full-width mode.
const POINTS = new Set([".", "\uff0e", "\u3002", "\uff61", "\ufe52"]);
const COMMAS = new Set([",", "\uff0c", "\u3001", "\uff64", "\ufe50", "\ufe51"]);
const SPACE = /^\s$/u;
const VULGAR = /^[\u00bc-\u00be\u2150-\u215e\u2189]$/u;

function canonical(ch: string): string {
  if (DASH_LOOKALIKES.has(ch)) return "-";
  if (PLUS_LOOKALIKES.has(ch)) return "+";
  if (TIMES.has(ch)) return "×";
  if (SLASHES.has(ch)) return "/";
  if (POINTS.has(ch)) return ".";
  if (COMMAS.has(ch)) return ",";
  return ch;
}

function normalize(codePoints: readonly string[]): SourceChar[] {
  const out: SourceChar[] = [];
  for (let i = 0; i < codePoints.length; i++) {
    const raw = codePoints[i]!;
    const pos = i + 1;
    if (isInvisible(raw)) continue;
    if (SPACE.test(raw)) {
      out.push({ ch: " ", pos });
      continue;
    }
    const superscript = NUMBER_SUPERSCRIPTS[raw];
    if (superscript !== undefined) {
      // 10⁻³ is 10^-3. NFKC would make it "10-3", silently a different number.
      const previous = out.at(-1);
      const inRun = previous !== undefined && NUMBER_SUPERSCRIPTS[codePoints[i - 1] ?? ""] !== undefined;
      if (!inRun && previous?.ch !== "^") out.push({ ch: "^", pos });
      out.push({ ch: superscript, pos });
      continue;
    }
    if (VULGAR.test(raw)) {
      for (const ch of raw.normalize("NFKC")) out.push({ ch: canonical(ch), pos, vulgar: true });
      continue;
    }
    const code = raw.codePointAt(0)!;
    // Only full-width forms and small forms go through NFKC. Applied to everything, NFKC would
    // turn subscripts and circled digits into plain digits (10₂ into 102): a guessed number.
    const fullWidth = (code >= 0xff01 && code <= 0xff5e) || (code >= 0xfe50 && code <= 0xfe6b);
    const ch = fullWidth && !DASH_LOOKALIKES.has(raw) && !TIMES.has(raw) ? raw.normalize("NFKC") : raw;
    for (const c of ch) out.push({ ch: canonical(c), pos });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Messages

type Where = "e" | "caret" | "after-caret";

function quote(ch: string): Localized {
  const visible = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch);
  const shown = visible ? ch : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  return { ja: `「${shown}」`, en: `“${shown}”` };
}

function at(position: number, body: Localized): Localized {
  return { ja: `${body.ja}（${position}文字目）。`, en: `${body.en} (position ${position}).` };
}

class ReadFailure {
  constructor(
    readonly code: ReadErrorCode,
    readonly position: number,
    readonly reason: Localized,
  ) {}
}

function fail(code: ReadErrorCode, position: number, reason: Localized): never {
  throw new ReadFailure(code, position, reason);
}

// Examples in messages are never a possible σ or σ′ value, so they cannot give an answer away.
const EXAMPLES = { ja: "3.14 や 2.5e-7", en: "3.14 or 2.5e-7" };

// ---------------------------------------------------------------------------------------------
// Parsing

interface Operand {
  int: string;
  frac: string;
  /** A decimal separator was typed (a trailing one, as in "5.", still marks the digits significant). */
  point: boolean;
  start: number;
}

interface Exponent {
  negative: boolean;
  digits: string;
  /** Where the exponent marker (e, ×, ^) was typed, for overflow messages. */
  markerPos: number;
}

const isDigit = (ch: string | undefined): ch is string => ch !== undefined && ch >= "0" && ch <= "9";
const isSign = (ch: string | undefined) => ch === "+" || ch === "-";
const isLetter = (ch: string | undefined) => ch !== undefined && /^\p{L}$/u.test(ch);
const isTimes = (ch: string | undefined) => ch === "×" || ch === "x" || ch === "X";
const NOT_A_NUMBER_WORDS = new Set(["nan", "inf", "infinity"]);
/** Kana and kanji: words such as です or 約 typed along with the number. */
const JAPANESE = /^[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]$/u;
/** The ideographic full stop, as a sentence end after the number: "0.105。". */
const SENTENCE_ENDS = new Set(["\u3002", "\uff61"]);

class Parser {
  private i = 0;

  constructor(
    private readonly cs: readonly SourceChar[],
    private readonly original: readonly string[],
  ) {}

  private peek(k = 0): string | undefined {
    return this.cs[this.i + k]?.ch;
  }

  /** Position of the character at the cursor, or just after the last one at the end. */
  private here(): number {
    return this.cs[this.i]?.pos ?? this.cs.at(-1)!.pos + 1;
  }

  private originalAt(position: number): string {
    return this.original[position - 1] ?? "";
  }

  private skipSpaces(): void {
    while (this.peek() === " ") this.i++;
  }

  parse(): ReadNumber {
    const negative = this.sign();
    const first = this.operand();
    const afterOperand = this.i;
    this.skipSpaces();
    const next = this.peek();
    if (next === undefined) return decimal(negative, first);
    if ((next === "e" || next === "E") && this.exponentFollows(1)) {
      const markerPos = this.here();
      this.i++;
      const exponent = this.exponentDigits(markerPos, "e");
      this.expectEnd("after-exponent");
      return scientific(negative, first, exponent);
    }
    if (next === "e" || next === "E") {
      // "1e" or "1e " is an unfinished exponent; "1em" is a word.
      if (isLetter(this.peek(1))) this.letterError();
      this.i++;
      fail("missing-exponent", this.here(), missingExponent("e"));
    }
    if (isTimes(next) || next === "^") {
      const markerPos = this.here();
      const doubleStar = this.doubleStar();
      if (next === "^" || doubleStar) {
        if (first.int.replace(/^0+/, "") !== "10" || first.point) {
          fail("power-of-ten-only", first.start, POWER_OF_TEN_ONLY);
        }
        this.i += doubleStar ? 2 : 1;
        const exponent = this.exponentDigits(markerPos, "after-caret");
        this.expectEnd("after-exponent");
        return power(negative, exponent);
      }
      this.i++;
      this.tenToThe(next);
      const exponent = this.exponentDigits(markerPos, "after-caret");
      this.expectEnd("after-exponent");
      return scientific(negative, first, exponent);
    }
    if (next === "/") {
      this.i++;
      this.skipSpaces();
      const denominatorNegative = this.sign();
      const denominator = this.operand();
      if (!/[1-9]/.test(denominator.int + denominator.frac)) {
        fail("division-by-zero", denominator.start, {
          ja: "分母が 0 です。0 で割ることはできません",
          en: "The denominator is 0, and nothing can be divided by zero",
        });
      }
      this.expectEnd("after-fraction");
      return fraction(negative, first, denominatorNegative, denominator);
    }
    if (isDigit(next)) fail("space-in-number", this.cs[afterOperand]!.pos, SPACE_IN_NUMBER);
    return this.unexpected(first.point ? "after-point" : "after-number");
  }

  /** An optional leading sign; a second sign right after it is refused. */
  private sign(): boolean {
    this.skipSpaces();
    const ch = this.peek();
    if (!isSign(ch)) return false;
    this.i++;
    this.skipSpaces();
    if (isSign(this.peek())) fail("misplaced-sign", this.here(), TWO_SIGNS);
    return ch === "-";
  }

  private operand(): Operand {
    const start = this.here();
    let int = "";
    let frac = "";
    let separator: { ch: string; pos: number } | null = null;
    for (;;) {
      const ch = this.peek();
      if (isDigit(ch)) {
        if (separator) frac += ch;
        else int += ch;
        this.i++;
        continue;
      }
      if (ch === "." || ch === ",") {
        if (separator) {
          if (separator.ch !== ch) fail("mixed-separators", this.here(), MIXED_SEPARATORS);
          if (ch === ".") fail("extra-point", this.here(), EXTRA_POINT);
          fail("digit-grouping", separator.pos, DIGIT_GROUPING);
        }
        separator = { ch, pos: this.here() };
        this.i++;
        continue;
      }
      break;
    }
    if (int === "" && frac === "") {
      if (separator) fail("missing-digits", separator.pos, MISSING_DIGITS);
      const ch = this.peek();
      if (ch === undefined) fail("missing-digits", this.here(), MISSING_DIGITS);
      if (isLetter(ch) || ch === "∞") this.letterError();
      if (isSign(ch)) fail("misplaced-sign", this.here(), MISPLACED_SIGN);
      return this.unexpected("before-number");
    }
    // A comma followed by exactly three digits after a non-zero whole part may be a thousands
    // separator: 1,234 is 1.234 in Europe and 1234 in Japan and the US. Ask; never guess.
    if (separator?.ch === "," && /[1-9]/.test(int) && frac.length === 3) {
      const whole = int.replace(/^0+(?=\d)/, "");
      const asDecimal = `${whole}.${frac}`;
      const asWhole = `${whole}${frac}`;
      fail("ambiguous-separator", separator.pos, {
        ja: `${asDecimal} と ${asWhole} のどちらですか？小数点はドット（.）で入力し、桁区切りのコンマは付けないでください`,
        en: `Did you mean ${asDecimal} or ${asWhole}? Use a dot for decimals and no commas between digit groups`,
      });
    }
    return { int, frac, point: separator !== null, start };
  }

  /** `**` typed as a power, as in Python's 10**-3. */
  private doubleStar(): boolean {
    const a = this.cs[this.i];
    const b = this.cs[this.i + 1];
    const star = (c: SourceChar) => this.originalAt(c.pos) === "*" || this.originalAt(c.pos) === "\uff0a";
    return a !== undefined && b !== undefined && star(a) && star(b) && b.pos === a.pos + 1;
  }

  private exponentFollows(offset: number): boolean {
    const ch = this.peek(offset);
    return isDigit(ch) || isSign(ch);
  }

  /** After × (or x, *): the "10" and the caret of 1.5×10^-3. */
  private tenToThe(times: string): void {
    const letterX = times === "x" || times === "X";
    const timesIndex = this.i - 1;
    this.skipSpaces();
    const start = this.here();
    let digits = "";
    while (isDigit(this.peek())) {
      digits += this.peek();
      this.i++;
    }
    if (digits === "") {
      if (letterX) {
        this.i = timesIndex;
        this.letterError();
      }
      if (this.peek() === "×") {
        fail("unexpected-character", this.here(), cannotBePart(this.originalAt(this.here())));
      }
      fail("power-of-ten-only", start, POWER_OF_TEN_ONLY);
    }
    if (digits !== "10" || this.peek() === "." || this.peek() === ",") {
      fail("power-of-ten-only", start, POWER_OF_TEN_ONLY);
    }
    this.skipSpaces();
    if (this.peek() === "^") {
      this.i++;
      return;
    }
    if (this.doubleStar()) {
      this.i += 2;
      return;
    }
    fail("missing-exponent", this.here(), missingExponent("caret"));
  }

  private exponentDigits(markerPos: number, where: Where): Exponent {
    this.skipSpaces();
    const paren = this.peek() === "(";
    const parenPos = this.here();
    if (paren) {
      this.i++;
      this.skipSpaces();
    }
    let negative = false;
    if (isSign(this.peek())) {
      negative = this.peek() === "-";
      this.i++;
      this.skipSpaces();
      if (isSign(this.peek())) fail("misplaced-sign", this.here(), TWO_SIGNS);
    }
    let digits = "";
    while (isDigit(this.peek())) {
      digits += this.peek();
      this.i++;
    }
    if (digits === "") {
      if (isLetter(this.peek()) || this.peek() === "∞") this.letterError();
      fail("missing-exponent", this.here(), missingExponent(where));
    }
    if (this.peek() === "." || this.peek() === ",") {
      fail("bad-exponent", this.here(), { ja: "指数は整数で入力してください", en: "The exponent must be a whole number" });
    }
    if (paren) {
      this.skipSpaces();
      if (this.peek() !== ")") {
        fail("missing-parenthesis", this.peek() === undefined ? parenPos : this.here(), {
          ja: "閉じかっこ「)」がありません",
          en: "The closing parenthesis “)” is missing",
        });
      }
      this.i++;
    }
    return { negative, digits, markerPos };
  }

  private expectEnd(context: "after-exponent" | "after-fraction"): void {
    const before = this.i;
    this.skipSpaces();
    const ch = this.peek();
    if (ch === undefined) return;
    if (isDigit(ch) && this.i > before) fail("space-in-number", this.cs[before]!.pos, SPACE_IN_NUMBER);
    if (context === "after-fraction" && (ch === "e" || ch === "E" || isTimes(ch) || ch === "^")) {
      fail("unexpected-character", this.here(), {
        ja: "分数には指数を付けられません。0.0015 や 3/2000 のように入力してください",
        en: "A fraction cannot have an exponent; type 0.0015 or 3/2000 instead",
      });
    }
    this.unexpected(context);
  }

  private unexpected(context: string): never {
    const ch = this.peek()!;
    const pos = this.here();
    if (isLetter(ch) || ch === "∞") this.letterError();
    if (isSign(ch)) fail("misplaced-sign", pos, MISPLACED_SIGN);
    if (ch === ".") {
      if (context === "after-exponent")
        fail("bad-exponent", pos, { ja: "指数は整数で入力してください", en: "The exponent must be a whole number" });
      fail("extra-point", pos, EXTRA_POINT);
    }
    const typed = this.originalAt(pos);
    if (/^\p{Nd}$/u.test(typed)) {
      const q = quote(typed);
      fail("unexpected-character", pos, {
        ja: `${q.ja}は読み取れない数字です。0〜9 を使ってください`,
        en: `${q.en} is a digit this trainer cannot read; use 0–9`,
      });
    }
    fail("unexpected-character", pos, cannotBePart(typed));
  }

  /** At a letter: NaN and Infinity get their own message, other words are letters. */
  private letterError(): never {
    const pos = this.here();
    if (this.peek() === "∞") fail("not-a-number", pos, notANumber("∞"));
    let word = "";
    for (let k = this.i; k < this.cs.length && /^[a-zA-Z]$/.test(this.cs[k]!.ch); k++) word += this.cs[k]!.ch;
    if (NOT_A_NUMBER_WORDS.has(word.toLowerCase())) fail("not-a-number", pos, notANumber(word));
    const typed = this.originalAt(pos);
    const q = quote(typed);
    if (JAPANESE.test(typed)) {
      fail("letters", pos, {
        ja: `${q.ja}は日本語の文字です。答えは数だけを入力してください（例: ${EXAMPLES.ja}）。日本語入力をオフにすると入力しやすくなります`,
        en: `${q.en} is Japanese text; type the number alone, such as ${EXAMPLES.en} (turning the Japanese input method off helps)`,
      });
    }
    fail("letters", pos, {
      ja: `${q.ja}は文字です。答えは ${EXAMPLES.ja} のような数で入力してください`,
      en: `${q.en} is a letter; an answer is a number such as ${EXAMPLES.en}`,
    });
  }
}

const TWO_SIGNS = { ja: "符号が2つ続いています。符号は1つだけにしてください", en: "Two signs in a row; use one sign" };
const MISPLACED_SIGN = {
  ja: "符号（+ や −）は数の先頭か指数の先頭にだけ付けられます",
  en: "A sign (+ or −) belongs only at the start of the number or of its exponent",
};
const MIXED_SEPARATORS = {
  ja: "コンマとドットの両方があります。小数点はドット（.）だけにして、桁区切りは付けないでください",
  en: "The number has both a comma and a dot; use a dot for decimals and no digit grouping",
};
const DIGIT_GROUPING = {
  ja: "桁区切りのコンマは読み取れません。コンマを付けずに入力し、小数点にはドット（.）を使ってください",
  en: "Commas between digit groups are not read; type the number without them and use a dot for decimals",
};
const EXTRA_POINT = { ja: "小数点は1つの数に1つだけです", en: "A number has only one decimal point" };
const MISSING_DIGITS = { ja: "ここに数字が必要です", en: "A digit is expected here" };
const SPACE_IN_NUMBER = {
  ja: "数の途中に空白があります。空白を入れずに入力してください",
  en: "A space splits the number; type it without spaces",
};
const POWER_OF_TEN_ONLY = {
  ja: "この書き方ができるのは 10 の累乗だけです。1.5×10^-3 や 10^-3 のように書いてください",
  en: "Only powers of 10 can be written this way, as in 1.5×10^-3 or 10^-3",
};

function missingExponent(where: Where): Localized {
  if (where === "e")
    return { ja: "「e」の後の指数がありません。1.5e-3 のように書いてください", en: "The exponent after “e” is missing, as in 1.5e-3" };
  if (where === "caret") {
    return { ja: "10 の累乗は 1.5×10^-3 のように ^ を付けて書いてください", en: "Write the power of ten with ^, as in 1.5×10^-3" };
  }
  return { ja: "指数がありません。10^-3 のように書いてください", en: "The exponent is missing, as in 10^-3" };
}

function notANumber(word: string): Localized {
  const shown = { ja: `「${word}」`, en: `“${word}”` };
  return {
    ja: `${shown.ja}は採点できる数ではありません。有限の数を入力してください`,
    en: `${shown.en} is not a number that can be graded; type a finite number`,
  };
}

function cannotBePart(typed: string): Localized {
  // U+FFFD is what bytes that are not UTF-8 become when read: say so, not only that "�" is wrong.
  if (typed === "\uFFFD") {
    return {
      ja: "「�」は文字として読めないバイトです（UTF-8 ではない入力）。答えを入力し直してください",
      en: "“�” stands for bytes that are not UTF-8 text; type the answer again",
    };
  }
  const q = quote(typed);
  return { ja: `${q.ja}は数の一部として使えません`, en: `${q.en} cannot be part of a number` };
}

// ---------------------------------------------------------------------------------------------
// Values, significant figures and the normalized echo

function significantFigures(op: Operand): number {
  const digits = (op.int + op.frac).replace(/^0+/, "");
  if (digits === "") return 1; // zero: "0", "0.00"
  return op.point ? digits.length : digits.replace(/0+$/, "").length;
}

function operandText(op: Operand): string {
  const whole = op.int.replace(/^0+(?=\d)/, "") || "0";
  return op.frac === "" ? whole : `${whole}.${op.frac}`;
}

function operandValue(negative: boolean, op: Operand): number {
  return Number(`${negative ? "-" : ""}${op.int || "0"}.${op.frac || "0"}`);
}

function exponentText(exponent: Exponent): string {
  const digits = exponent.digits.replace(/^0+(?=\d)/, "");
  return `${exponent.negative && digits !== "0" ? "-" : ""}${digits}`;
}

function checkRange(value: number, mantissaNonZero: boolean, markerPos: number): void {
  if (!Number.isFinite(value)) {
    fail("overflow", markerPos, {
      ja: "指数が大きすぎて、扱える最大の数（約 1.8×10^308）を超えています",
      en: "The exponent is too large: the value is beyond the largest number, about 1.8×10^308",
    });
  }
  if (value === 0 && mantissaNonZero) {
    fail("too-small", markerPos, {
      ja: "指数が小さすぎて値が 0 になってしまいます。0 のつもりなら 0 と入力してください",
      en: "The exponent is so small that the value would be 0; type 0 if you mean 0",
    });
  }
}

function decimal(negative: boolean, op: Operand): ReadNumber {
  return {
    ok: true,
    value: operandValue(negative, op),
    sigFigs: significantFigures(op),
    exact: false,
    form: "decimal",
    readAs: `${negative ? "-" : ""}${operandText(op)}`,
  };
}

function scientific(negative: boolean, mantissa: Operand, exponent: Exponent): ReadNumber {
  const text = `${negative ? "-" : ""}${mantissa.int || "0"}.${mantissa.frac || "0"}e${exponent.negative ? "-" : ""}${exponent.digits}`;
  const value = Number(text);
  checkRange(value, /[1-9]/.test(mantissa.int + mantissa.frac), exponent.markerPos);
  return {
    ok: true,
    value,
    sigFigs: significantFigures(mantissa),
    exact: false,
    form: "scientific",
    readAs: `${negative ? "-" : ""}${operandText(mantissa)}×10^${exponentText(exponent)}`,
  };
}

function power(negative: boolean, exponent: Exponent): ReadNumber {
  const value = Number(`${negative ? "-" : ""}1e${exponent.negative ? "-" : ""}${exponent.digits}`);
  checkRange(value, true, exponent.markerPos);
  return { ok: true, value, sigFigs: 1, exact: false, form: "power", readAs: `${negative ? "-" : ""}10^${exponentText(exponent)}` };
}

function fraction(negative: boolean, numerator: Operand, denominatorNegative: boolean, denominator: Operand): ReadNumber {
  const value = operandValue(negative, numerator) / operandValue(denominatorNegative, denominator);
  checkRange(value, /[1-9]/.test(numerator.int + numerator.frac), denominator.start);
  const exact = !numerator.point && !denominator.point;
  const figures = [numerator, denominator].filter((op) => op.point).map(significantFigures);
  return {
    ok: true,
    value,
    sigFigs: exact ? Number.POSITIVE_INFINITY : Math.min(...figures),
    exact,
    form: "fraction",
    readAs: `${negative ? "-" : ""}${operandText(numerator)}/${denominatorNegative ? "-" : ""}${operandText(denominator)}`,
  };
}

// ---------------------------------------------------------------------------------------------

function checkVulgarFraction(cs: readonly SourceChar[]): void {
  const first = cs.findIndex((c) => c.vulgar);
  if (first < 0) return;
  const group = cs[first]!.pos;
  const others = cs.filter((c, k) => c.pos !== group && c.ch !== " " && !(k === 0 && isSign(c.ch)));
  if (others.length > 0) {
    fail("mixed-fraction", group, {
      ja: "½ のような分数の文字は単独で使ってください。1½ は 3/2 や 1.5 と入力してください",
      en: "A fraction character such as ½ must stand alone; type 1½ as 3/2 or 1.5",
    });
  }
}

/** Reads one typed answer. Never throws: anything unreadable comes back as a ReadError. */
export function readAnswer(input: string): ReadResult {
  try {
    const codePoints = Array.from(input);
    if (codePoints.length > MAX_ANSWER_LENGTH) {
      fail("too-long", MAX_ANSWER_LENGTH + 1, {
        ja: `答えが${MAX_ANSWER_LENGTH}文字を超えています`,
        en: `The answer is longer than ${MAX_ANSWER_LENGTH} characters`,
      });
    }
    let cs = normalize(codePoints);
    let start = 0;
    let end = cs.length;
    while (start < end && cs[start]!.ch === " ") start++;
    while (end > start && cs[end - 1]!.ch === " ") end--;
    cs = cs.slice(start, end);
    // A 。 closing the answer ends a sentence; inside a number (0。5) it stays a decimal point.
    if (cs.length > 1 && SENTENCE_ENDS.has(codePoints[cs.at(-1)!.pos - 1] ?? "") && cs.at(-2)!.ch !== ".") {
      cs = cs.slice(0, -1);
      while (cs.length > 0 && cs.at(-1)!.ch === " ") cs = cs.slice(0, -1);
    }
    if (cs.length === 0) {
      const reason = {
        ja: `答えが空です。${EXAMPLES.ja} のような数を入力してください。`,
        en: `The answer is empty. Type a number such as ${EXAMPLES.en}.`,
      };
      return { ok: false, code: "empty", position: 1, message: reason, reason };
    }
    checkVulgarFraction(cs);
    return new Parser(cs, codePoints).parse();
  } catch (error) {
    if (error instanceof ReadFailure) {
      const { code, position, reason } = error;
      return { ok: false, code, position, message: at(position, reason), reason: { ja: `${reason.ja}。`, en: `${reason.en}.` } };
    }
    throw error;
  }
}
