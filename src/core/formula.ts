// Formula answers: a learner may answer "what is σ′(x)?" with a formula such as s(1 − s).
// A small hand-written recursive-descent parser reads it into a tree; nothing is ever handed
// to eval or Function, and the only names that exist are x, s (= σ(x)), e, σ(…), sigma(…)
// and exp(…). Errors carry the 1-based character position in the text as typed, counted in
// Unicode code points (what a learner sees as one character), so the message can point at it.
import { localized, type Localized } from "./i18n";
import { DASH_LOOKALIKES, FORMULA_SUPERSCRIPTS, isInvisible, PLUS_LOOKALIKES, type SourceChar } from "./input-characters";
import { sigmoid } from "./sigmoid";

export type FormulaNode =
  | { kind: "number"; value: number }
  | { kind: "variable"; name: "x" | "s" }
  | { kind: "constant"; name: "e" }
  | { kind: "negate"; operand: FormulaNode }
  | { kind: "binary"; op: BinaryOp; left: FormulaNode; right: FormulaNode }
  | { kind: "call"; fn: FunctionName; arg: FormulaNode };

export type BinaryOp = "+" | "-" | "*" | "/" | "^";
export type FunctionName = "sigma" | "exp";

export type FormulaParse = { ok: true; ast: FormulaNode } | { ok: false; position: number; message: Localized };

/** Longer input is refused rather than parsed: no learner's formula for σ′ needs it. */
export const MAX_FORMULA_LENGTH = 200;

// ---------------------------------------------------------------------------------------------
// Normalizing: what was typed → plain ASCII-ish characters, each remembering where it came from.

// After NFKC: dash look-alikes (Unicode minus, hyphens, en/em dashes) are minus; the dot and
// cross signs people use for multiplication are *, the division signs are /. Dashes and pluses
// come from input-characters.ts, the tables the number reader (read-answer.ts) uses too.
const LOOKALIKES: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...DASH_LOOKALIKES].map((dash) => [dash, "-"])),
  ...Object.fromEntries([...PLUS_LOOKALIKES].map((plus) => [plus, "+"])),
  "\u00b7": "*",
  "\u22c5": "*",
  "\u2219": "*",
  "\u2022": "*",
  "\u30fb": "*",
  "\u00d7": "*",
  "\u2715": "*",
  "\u2716": "*",
  "\u2a2f": "*",
  "\u2217": "*",
  "\u00f7": "/",
  "\u2215": "/",
  "\u2044": "/",
  // LaTeX groups, as in e^{-x}/(1+e^{-x})^2: braces group like parentheses.
  "{": "(",
  "}": ")",
  "\uff5b": "(",
  "\uff5d": ")",
};

function normalize(codePoints: readonly string[]): SourceChar[] {
  const out: SourceChar[] = [];
  let i = 0;
  while (i < codePoints.length) {
    const raw = codePoints[i]!;
    const pos = i + 1;
    if (FORMULA_SUPERSCRIPTS[raw] !== undefined) {
      out.push({ ch: "^", pos }, { ch: "(", pos });
      let last = pos;
      while (i < codePoints.length && FORMULA_SUPERSCRIPTS[codePoints[i]!] !== undefined) {
        out.push({ ch: FORMULA_SUPERSCRIPTS[codePoints[i]!]!, pos: i + 1 });
        last = i + 1;
        i++;
      }
      out.push({ ch: ")", pos: last });
      continue;
    }
    i++;
    if (isInvisible(raw)) continue;
    for (const ch of raw.normalize("NFKC")) out.push({ ch: LOOKALIKES[ch] ?? ch, pos });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tokens

type NameKind = "x" | "s" | "e" | "sigma" | "exp";

type Token =
  | { type: "number"; value: number; text: string; pos: number }
  | { type: "name"; name: NameKind; text: string; pos: number }
  | { type: "op"; op: BinaryOp; text: string; pos: number }
  | { type: "("; pos: number }
  | { type: ")"; pos: number }
  | { type: "end"; pos: number };

class FormulaError extends Error {
  constructor(
    readonly position: number,
    readonly localizedMessage: Localized,
  ) {
    super(localizedMessage.en);
  }
}

// Longest first, so "sigma" and "exp" win over s, e, x.
const NAMES: readonly (readonly [string, NameKind])[] = [
  ["sigma", "sigma"],
  ["exp", "exp"],
  ["σ", "sigma"],
  ["e", "e"],
  ["x", "x"],
  ["s", "s"],
];

const KNOWN_NAMES = localized(
  "使える名前は x、s（σ(x) のこと）、e、σ(…)、sigma(…)、exp(…) です。",
  "Known names: x, s (meaning σ(x)), e, σ(…), sigma(…), exp(…).",
);

/** Kana and kanji: words typed along with the formula. */
const JAPANESE = /^[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]$/u;
/** The ideographic full stop (and its half-width form) closing a sentence. */
const SENTENCE_ENDS = new Set(["\u3002", "\uff61"]);

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";
const isLetter = (ch: string | undefined) => ch !== undefined && (/^[a-zA-Z]$/.test(ch) || ch === "σ");
const isSpace = (ch: string) => /^\s$/u.test(ch);

/** Splits a run of letters into known names (implicit multiplication: "xs" is x·s), or null. */
function splitNames(run: string): { name: NameKind; text: string; offset: number }[] | null {
  const parts: { name: NameKind; text: string; offset: number }[] = [];
  let offset = 0;
  const chars = Array.from(run);
  while (offset < chars.length) {
    const rest = chars.slice(offset).join("");
    const match = NAMES.find(([text]) => rest.startsWith(text));
    if (!match) return null;
    parts.push({ name: match[1], text: match[0], offset });
    offset += Array.from(match[0]).length;
  }
  return parts;
}

function tokenize(chars: readonly SourceChar[], endPos: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const at = (k: number) => chars[k]?.ch;
  while (i < chars.length) {
    const { ch, pos } = chars[i]!;
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (isDigit(ch) || (ch === "." && isDigit(at(i + 1)))) {
      let text = "";
      while (isDigit(at(i))) text += chars[i++]!.ch;
      if (at(i) === ".") {
        text += chars[i++]!.ch;
        while (isDigit(at(i))) text += chars[i++]!.ch;
      }
      // 2e-3 is scientific notation only when a digit follows; 2e and 2e-x are 2·e and 2·e − x.
      const e = at(i);
      if (e === "e" || e === "E") {
        const sign = at(i + 1) === "+" || at(i + 1) === "-" ? 1 : 0;
        if (isDigit(at(i + 1 + sign))) {
          text += "e";
          i++;
          if (sign) text += chars[i++]!.ch;
          while (isDigit(at(i))) text += chars[i++]!.ch;
        }
      }
      const value = Number(text);
      if (!Number.isFinite(value)) {
        throw new FormulaError(pos, localized(`数 ${text} は大きすぎて扱えません。`, `The number ${text} is too large.`));
      }
      tokens.push({ type: "number", value, text, pos });
      continue;
    }
    if (isLetter(ch)) {
      const start = i;
      let run = "";
      while (isLetter(at(i))) run += chars[i++]!.ch;
      const parts = splitNames(run);
      if (!parts) {
        throw new FormulaError(
          pos,
          localized(`「${run}」という名前は使えません。${KNOWN_NAMES.ja}`, `Unknown name "${run}". ${KNOWN_NAMES.en}`),
        );
      }
      for (const part of parts) tokens.push({ type: "name", name: part.name, text: part.text, pos: chars[start + part.offset]!.pos });
      continue;
    }
    if (ch === "*" && at(i + 1) === "*") {
      tokens.push({ type: "op", op: "^", text: "**", pos });
      i += 2;
      continue;
    }
    if (ch === "+" || ch === "-" || ch === "*" || ch === "/" || ch === "^") {
      tokens.push({ type: "op", op: ch, text: ch, pos });
      i++;
      continue;
    }
    if (ch === "(" || ch === ")") {
      tokens.push({ type: ch, pos });
      i++;
      continue;
    }
    if (JAPANESE.test(ch)) {
      throw new FormulaError(
        pos,
        localized(
          `「${ch}」は日本語の文字です。式だけを入力してください（例: s*(1 - s)）。日本語入力をオフにすると入力しやすくなります。`,
          `"${ch}" is Japanese text; type the formula alone, such as s*(1 - s) (turning the Japanese input method off helps).`,
        ),
      );
    }
    throw new FormulaError(
      pos,
      localized(
        `「${ch}」は式に使えない文字です。使えるのは数、名前、+ − * / ^ と括弧です。`,
        `"${ch}" cannot be used in a formula: use numbers, names, + − * / ^ and parentheses.`,
      ),
    );
  }
  tokens.push({ type: "end", pos: endPos });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Parser. Grammar (lowest precedence first):
//   sum     := product (("+" | "−") product)*
//   product := unary (("*" | "/") unary | <implicit> power)*     implicit: next is a name or "("
//   unary   := ("−" | "+") unary | power
//   power   := primary ("^" unary)?          right-associative; e^-x is e^(−x)
//   primary := number | x | s | e | (σ | sigma | exp) "(" sum ")" | "(" sum ")"
// So −x^2 is −(x²), s(1−s) is s·(1−s), and 1/2x is (1/2)·x (echoed with parentheses).

/** Whether any node of the formula passes `test` (the node itself, or one inside it). */
export function anyNode(node: FormulaNode, test: (node: FormulaNode) => boolean): boolean {
  if (test(node)) return true;
  switch (node.kind) {
    case "call":
      return anyNode(node.arg, test);
    case "negate":
      return anyNode(node.operand, test);
    case "binary":
      return anyNode(node.left, test) || anyNode(node.right, test);
    default:
      return false;
  }
}

/** Whether the variable x or s occurs anywhere in the formula. */
function usesVariable(node: FormulaNode, name: "x" | "s"): boolean {
  return anyNode(node, (n) => n.kind === "variable" && n.name === name);
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): FormulaNode {
    const ast = this.sum();
    const next = this.peek();
    if (next.type === ")") {
      throw new FormulaError(next.pos, localized("この「)」に対応する「(」がありません。", `This ")" has no matching "(".`));
    }
    if (next.type !== "end") throw this.unexpected(next);
    return ast;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private previous(): Token | undefined {
    return this.tokens[this.index - 1];
  }

  private next(): Token {
    return this.tokens[this.index++]!;
  }

  private sum(): FormulaNode {
    let left = this.product();
    for (;;) {
      const token = this.peek();
      if (token.type !== "op" || (token.op !== "+" && token.op !== "-")) return left;
      this.next();
      left = { kind: "binary", op: token.op, left, right: this.product() };
    }
  }

  private product(): FormulaNode {
    let left = this.unary();
    for (;;) {
      const token = this.peek();
      if (token.type === "op" && (token.op === "*" || token.op === "/")) {
        this.next();
        left = { kind: "binary", op: token.op, left, right: this.unary() };
      } else if (token.type === "name" || token.type === "(") {
        left = { kind: "binary", op: "*", left, right: this.power() };
      } else if (token.type === "number") {
        // "x2" or "2 3": a number after a term is more likely a typo than a product.
        throw new FormulaError(
          token.pos,
          localized(
            `${token.text} の前に演算子（* や ^ など）が必要です。`,
            `An operator (such as * or ^) is missing before ${token.text}.`,
          ),
        );
      } else {
        return left;
      }
    }
  }

  private unary(): FormulaNode {
    const token = this.peek();
    if (token.type === "op" && (token.op === "-" || token.op === "+")) {
      this.next();
      const operand = this.unary();
      return token.op === "-" ? { kind: "negate", operand } : operand;
    }
    return this.power();
  }

  private power(): FormulaNode {
    const base = this.primary();
    const token = this.peek();
    if (token.type === "op" && token.op === "^") {
      this.next();
      return { kind: "binary", op: "^", left: base, right: this.unary() };
    }
    return base;
  }

  private primary(): FormulaNode {
    const token = this.peek();
    switch (token.type) {
      case "number":
        this.next();
        return { kind: "number", value: token.value };
      case "name": {
        this.next();
        if (token.name === "x" || token.name === "s") return { kind: "variable", name: token.name };
        if (token.name === "e") return { kind: "constant", name: "e" };
        const open = this.peek();
        // A bare σ is σ(x), as learners write σ(1 − σ) and σ − σ^2 (s by another name).
        if (token.name === "sigma" && open.type !== "(") return { kind: "variable", name: "s" };
        if (open.type !== "(") {
          const example = token.name === "exp" ? "exp(-x)" : `${token.text}(x)`;
          const bare =
            token.name === "sigma" ? localized("σ(x) のことなら s とも書けます。", " For σ(x) you can also write s.") : localized("", "");
          throw new FormulaError(
            token.pos,
            localized(
              `${token.text} の後には括弧で引数を書きます（例: ${example}）。${bare.ja}`,
              `${token.text} needs its argument in parentheses, as in ${example}.${bare.en}`,
            ),
          );
        }
        const arg = this.parenthesized();
        // σ(1 − σ): a bracket in s without x is a factor, not σ's argument (σ of σ is no answer
        // anyone means), so it reads as σ·(1 − σ). σ(0), σ(x), σ(−x) stay calls.
        if (token.name === "sigma" && usesVariable(arg, "s") && !usesVariable(arg, "x")) {
          return { kind: "binary", op: "*", left: { kind: "variable", name: "s" }, right: arg };
        }
        return { kind: "call", fn: token.name, arg };
      }
      case "(":
        return this.parenthesized();
      default:
        throw this.unexpected(token);
    }
  }

  private parenthesized(): FormulaNode {
    const open = this.next();
    if (this.peek().type === ")") {
      throw new FormulaError(open.pos, localized("括弧の中が空です。", "The parentheses are empty."));
    }
    const inner = this.sum();
    const close = this.peek();
    if (close.type !== ")") {
      if (close.type === "end") {
        throw new FormulaError(open.pos, localized("この「(」が閉じられていません。", `This "(" is never closed.`));
      }
      throw this.unexpected(close);
    }
    this.next();
    return inner;
  }

  /** A token where a value was expected: say what is missing, pointing at the operator involved. */
  private unexpected(token: Token): FormulaError {
    const before = this.previous();
    if (before?.type === "op" && (token.type === "end" || token.type === ")" || token.type === "op")) {
      return new FormulaError(before.pos, localized(`「${before.text}」の後に値がありません。`, `"${before.text}" has nothing after it.`));
    }
    if (token.type === "op") {
      return new FormulaError(token.pos, localized(`「${token.text}」の前に値がありません。`, `"${token.text}" has nothing before it.`));
    }
    if (token.type === ")") {
      return new FormulaError(token.pos, localized("この「)」に対応する「(」がありません。", `This ")" has no matching "(".`));
    }
    if (token.type === "end") {
      return new FormulaError(token.pos, localized("式が途中で終わっています。", "The formula ends too early."));
    }
    return new FormulaError(token.pos, localized("ここで式が読めなくなりました。", "The formula cannot be read here."));
  }
}

/** Reads a learner's formula. Never throws: any problem becomes { ok: false, position, message }. */
export function parseFormula(input: string): FormulaParse {
  const codePoints = Array.from(input);
  if (codePoints.length > MAX_FORMULA_LENGTH) {
    return {
      ok: false,
      position: MAX_FORMULA_LENGTH + 1,
      message: localized(
        `式が長すぎます（${codePoints.length} 文字）。${MAX_FORMULA_LENGTH} 文字以内で書いてください。`,
        `The formula is too long (${codePoints.length} characters); the limit is ${MAX_FORMULA_LENGTH}.`,
      ),
    };
  }
  try {
    const chars = normalize(codePoints);
    // A closing 。 ends a Japanese sentence, not the formula: "s(1-s)。".
    while (chars.length > 0 && isSpace(chars.at(-1)!.ch)) chars.pop();
    if (chars.length > 1 && SENTENCE_ENDS.has(chars.at(-1)!.ch)) chars.pop();
    if (chars.every(({ ch }) => isSpace(ch))) {
      return { ok: false, position: 1, message: localized("式が入力されていません。", "The formula is empty.") };
    }
    const tokens = tokenize(chars, codePoints.length + 1);
    return { ok: true, ast: new Parser(tokens).parse() };
  } catch (error) {
    if (error instanceof FormulaError) return { ok: false, position: error.position, message: error.localizedMessage };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluating

/** The formula's value at x, with s = σ(x). May be NaN or ±Infinity (0/0, overflow); never throws. */
export function evaluateFormula(ast: FormulaNode, x: number): number {
  const s = sigmoid(x);
  const visit = (node: FormulaNode): number => {
    switch (node.kind) {
      case "number":
        return node.value;
      case "variable":
        return node.name === "x" ? x : s;
      case "constant":
        return Math.E;
      case "negate":
        return -visit(node.operand);
      case "call":
        return node.fn === "exp" ? Math.exp(visit(node.arg)) : sigmoid(visit(node.arg));
      case "binary": {
        // e^y through Math.exp: more accurate than Math.pow(Math.E, y) and the same meaning.
        if (node.op === "^" && node.left.kind === "constant") return Math.exp(visit(node.right));
        const a = visit(node.left);
        const b = visit(node.right);
        switch (node.op) {
          case "+":
            return a + b;
          case "-":
            return a - b;
          case "*":
            return a * b;
          case "/":
            return a / b;
          case "^":
            return a ** b;
        }
      }
    }
  };
  return visit(ast);
}

// ---------------------------------------------------------------------------------------------
// Printing: echo how the formula was read, with every product explicit ("s·(1 − s)").
// The text parses back to the same tree: parseFormula(formulaToText(t)) deep-equals t for any
// tree the parser can produce.

const Level = { Sum: 1, Product: 2, Unary: 3, Power: 4, Atom: 5 } as const;
type Level = (typeof Level)[keyof typeof Level];

function levelOf(node: FormulaNode): Level {
  switch (node.kind) {
    case "binary":
      return node.op === "+" || node.op === "-" ? Level.Sum : node.op === "^" ? Level.Power : Level.Product;
    case "negate":
      return Level.Unary;
    default:
      return Level.Atom;
  }
}

function printNumber(value: number): string {
  // Shortest round-trip text; a negative number (never produced by the parser) is parenthesized.
  const text = String(Object.is(value, -0) ? 0 : Math.abs(value));
  return value < 0 ? `(−${text})` : text;
}

export function formulaToText(node: FormulaNode): string {
  const wrap = (child: FormulaNode, min: Level) => (levelOf(child) >= min ? formulaToText(child) : `(${formulaToText(child)})`);
  switch (node.kind) {
    case "number":
      return printNumber(node.value);
    case "variable":
      return node.name;
    case "constant":
      return "e";
    case "call":
      return `${node.fn === "sigma" ? "σ" : "exp"}(${formulaToText(node.arg)})`;
    case "negate":
      return `−${wrap(node.operand, Level.Power)}`;
    case "binary":
      switch (node.op) {
        case "+":
        case "-": {
          // a − (b − c) and a + (−b) keep their parentheses; a + b·c needs none.
          const right = node.right.kind === "negate" ? `(${formulaToText(node.right)})` : wrap(node.right, Level.Product);
          return `${wrap(node.left, Level.Sum)} ${node.op === "+" ? "+" : "−"} ${right}`;
        }
        case "*":
        case "/": {
          // (a/b)·c: the parentheses are redundant but show how "a/bc" was read.
          const left =
            node.op === "*" && node.left.kind === "binary" && node.left.op === "/"
              ? `(${formulaToText(node.left)})`
              : wrap(node.left, Level.Product);
          return `${left}${node.op === "*" ? "·" : "/"}${wrap(node.right, Level.Power)}`;
        }
        case "^":
          return `${wrap(node.left, Level.Atom)}^${wrap(node.right, Level.Atom)}`;
      }
  }
}
