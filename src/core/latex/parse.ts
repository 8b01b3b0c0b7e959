/**
 * Parser for the course's LaTeX subset (docs/content-format.md, "Formulas"). Anything outside the subset
 * is an error with the exact place in the source, so `validate` can point an author at it; the
 * parser reports as many errors as it can find in one pass and never throws.
 */

export type GreekName = "sigma" | "eta" | "alpha" | "theta" | "delta" | "partial";
export type FunctionName = "ln" | "exp" | "log" | "max" | "min";
export type OperatorName =
  | "+"
  | "-"
  | "="
  | "*"
  | "/"
  | "<"
  | ">"
  | ","
  | "|"
  | "cdot"
  | "times"
  | "approx"
  | "to"
  | "Rightarrow"
  | "leq"
  | "geq"
  | "neq";

/** A sequence of items side by side: the whole formula, a group, a script, a fraction's part. */
export interface LatexRow {
  kind: "row";
  items: LatexNode[];
}

export type LatexNode =
  | LatexRow
  /** Digits with an optional decimal part: "2", "0.5". */
  | { kind: "number"; text: string }
  /** One Latin letter; "du" is two variables, as in TeX. */
  | { kind: "variable"; name: string }
  | { kind: "greek"; name: GreekName }
  /** ′ (written ' or \prime) and ∞. */
  | { kind: "symbol"; name: "prime" | "infty" }
  | { kind: "operator"; op: OperatorName }
  /** A bracket with no partner in its group, e.g. the "(" of "(0, 1]". */
  | { kind: "delimiter"; char: "(" | ")" | "[" | "]" }
  | { kind: "function"; name: FunctionName }
  /** \mathrm{...} (spaces dropped, as in TeX math) or \text{...} (spaces kept). */
  | { kind: "text"; style: "mathrm" | "text"; text: string }
  | { kind: "space"; size: "thin" | "medium" | "quad" }
  /** Braces in the source: {a + b}. */
  | { kind: "group"; body: LatexRow }
  /** A bracket pair: ( ) and [ ] that match within their group, or \left( … \right). */
  | { kind: "fence"; open: "(" | "["; close: ")" | "]"; sized: boolean; body: LatexRow }
  | { kind: "frac"; display: boolean; numerator: LatexRow; denominator: LatexRow }
  | { kind: "scripts"; base: LatexNode; sup?: LatexRow; sub?: LatexRow };

export interface LatexError {
  /** 0-based index into the source (UTF-16 code units, like String.prototype.slice). */
  offset: number;
  /** How many code units the offending text spans; source.slice(offset, offset + length). */
  length: number;
  message: string;
}

export type ParseResult = { ok: true; node: LatexRow } | { ok: false; errors: LatexError[] };

const GREEK: ReadonlySet<string> = new Set(["sigma", "eta", "alpha", "theta", "delta", "partial"]);
const FUNCTIONS: ReadonlySet<string> = new Set(["ln", "exp", "log", "max", "min"]);
const COMMAND_OPERATORS: ReadonlySet<string> = new Set(["cdot", "times", "approx", "to", "Rightarrow", "leq", "geq", "neq"]);
const CHAR_OPERATORS: ReadonlySet<string> = new Set(["+", "-", "=", "*", "/", "<", ">", ",", "|"]);
const SPACES: Readonly<Record<string, "thin" | "medium" | "quad">> = { ",": "thin", ";": "medium", quad: "quad" };
/** Characters \text{...} and \mathrm{...} may hold: printable ASCII without TeX's special characters. */
const TEXT_CHAR = /^[A-Za-z0-9 .,;:!?'"()[\]+\-*/=<>|@]$/;

const SEE_FORMULAS_DOC = "is not in the supported subset (see docs/content-format.md: Formulas)";

/** Hints for commands authors often reach for; the rest get the generic message. */
const COMMAND_HINTS: Readonly<Record<string, string>> = {
  le: "write \\leq",
  ge: "write \\geq",
  ne: "write \\neq",
  rightarrow: "write \\to",
  implies: "write \\Rightarrow",
  tfrac: "write \\frac{a}{b}",
  cfrac: "write \\frac{a}{b}",
  operatorname: "write \\mathrm{...}",
  mathit: "write the letters directly, or \\mathrm{...}",
  textrm: "write \\text{...}",
  sin: "write \\mathrm{sin}",
  cos: "write \\mathrm{cos}",
  tan: "write \\mathrm{tan}",
  tanh: "write \\mathrm{tanh}",
  ell: "write l",
  dots: "write \\text{...}",
  ldots: "write \\text{...}",
  cdots: "write \\text{...}",
  " ": "for space write \\, or \\; or \\quad",
  ":": "for space write \\, or \\; or \\quad",
  "{": "braces cannot be shown; use ( ) or [ ]",
  "}": "braces cannot be shown; use ( ) or [ ]",
  "\\": "a formula is one line; put each formula in its own list entry",
};

/** Characters typed directly that have a spelling in the subset. */
const CHAR_HINTS: Readonly<Record<string, string>> = {
  σ: "write \\sigma",
  η: "write \\eta",
  α: "write \\alpha",
  θ: "write \\theta",
  δ: "write \\delta",
  "∂": "write \\partial",
  "−": "write -",
  "·": "write \\cdot",
  "×": "write \\times",
  "≈": "write \\approx",
  "→": "write \\to",
  "⇒": "write \\Rightarrow",
  "≤": "write \\leq",
  "≥": "write \\geq",
  "≠": "write \\neq",
  "∞": "write \\infty",
  "′": "write '",
  "²": "write ^2",
  ".": "a point is allowed only inside a number such as 0.5",
  $: "write the formula without $ delimiters",
  "&": "alignment with & is not supported; put each line in its own formula",
  "%": "% starts a TeX comment and is not supported",
};

type Token =
  | { type: "number"; text: string; offset: number; length: number }
  | { type: "char"; char: string; offset: number; length: number }
  /** A command without its backslash: "frac", "," or "" for a backslash at the very end. */
  | { type: "command"; name: string; offset: number; length: number }
  /** \text{...} or \mathrm{...} read whole, because whitespace inside \text matters. */
  | { type: "text"; style: "mathrm" | "text"; text: string; offset: number; length: number }
  /** \left( or \right) with its delimiter; delimiter "" when it is missing or not supported. */
  | { type: "left" | "right"; delimiter: string; offset: number; length: number };

function describe(token: Token | undefined): string {
  if (!token) return "the end of the formula";
  switch (token.type) {
    case "number":
      return `"${token.text}"`;
    case "char":
      return `"${token.char}"`;
    case "command":
      return `\\${token.name}`;
    case "text":
      return `\\${token.style}{...}`;
    case "left":
    case "right":
      return `\\${token.type}${token.delimiter}`;
  }
}

function isWhitespace(char: string): boolean {
  return /^\s$/u.test(char);
}

function isLetter(char: string): boolean {
  return /^[A-Za-z]$/.test(char);
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= "0" && char <= "9";
}

function tokenize(source: string, errors: LatexError[]): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const skipWhitespace = (from: number): number => {
    let at = from;
    while (at < source.length && isWhitespace(source[at]!)) at++;
    return at;
  };
  while (pos < source.length) {
    const codePoint = source.codePointAt(pos)!;
    const char = String.fromCodePoint(codePoint);
    if (isWhitespace(char)) {
      pos += char.length;
      continue;
    }
    if (isDigit(char)) {
      let end = pos;
      while (isDigit(source[end])) end++;
      if (source[end] === "." && isDigit(source[end + 1])) {
        end++;
        while (isDigit(source[end])) end++;
      }
      tokens.push({ type: "number", text: source.slice(pos, end), offset: pos, length: end - pos });
      pos = end;
      continue;
    }
    if (char !== "\\") {
      tokens.push({ type: "char", char, offset: pos, length: char.length });
      pos += char.length;
      continue;
    }
    // A command: backslash and letters, or backslash and one other character.
    let end = pos + 1;
    while (end < source.length && isLetter(source[end]!)) end++;
    if (end === pos + 1 && end < source.length) {
      end += String.fromCodePoint(source.codePointAt(end)!).length;
    }
    const name = source.slice(pos + 1, end);
    if (name === "text" || name === "mathrm") {
      const brace = skipWhitespace(end);
      if (source[brace] === "{") {
        pos = readText(source, pos, brace, name, tokens, errors);
        continue;
      }
    }
    if (name === "left" || name === "right") {
      const at = skipWhitespace(end);
      const delimiter = source[at] ?? "";
      const allowed = name === "left" ? "([" : ")]";
      if (delimiter !== "" && allowed.includes(delimiter)) {
        tokens.push({ type: name, delimiter, offset: pos, length: at + 1 - pos });
        pos = at + 1;
      } else {
        tokens.push({ type: name, delimiter: "", offset: pos, length: end - pos });
        pos = end;
      }
      continue;
    }
    tokens.push({ type: "command", name, offset: pos, length: end - pos });
    pos = end;
  }
  return tokens;
}

/** Reads \text{...} or \mathrm{...} whose "{" is at `brace`; returns the position after it. */
function readText(source: string, start: number, brace: number, style: "text" | "mathrm", tokens: Token[], errors: LatexError[]): number {
  let at = brace + 1;
  let raw = "";
  while (at < source.length && source[at] !== "}") {
    const char = String.fromCodePoint(source.codePointAt(at)!);
    if (isWhitespace(char) || TEXT_CHAR.test(char)) raw += char;
    else {
      errors.push({
        offset: at,
        length: char.length,
        message: `"${char}" cannot appear inside \\${style}{...}: it may hold letters, digits, spaces and plain punctuation`,
      });
    }
    at += char.length;
  }
  const closed = at < source.length;
  if (!closed) {
    errors.push({ offset: brace, length: 1, message: `this { of \\${style} is never closed: add }` });
  }
  const text = style === "text" ? raw.replace(/\s+/gu, " ") : raw.replace(/\s+/gu, "");
  const end = closed ? at + 1 : at;
  if (closed && text === "") {
    errors.push({ offset: start, length: end - start, message: `\\${style}{} is empty: put the text between the braces` });
  }
  tokens.push({ type: "text", style, text, offset: start, length: end - start });
  return end;
}

type RowEnd =
  | { kind: "top" }
  | { kind: "brace" }
  | { kind: "left" }
  /** Inside ( ... ) whose closing bracket is token `close`; `outer` decides what "}" and \right do. */
  | { kind: "paren"; close: number; outer: RowEnd };

function enclosing(end: RowEnd): "top" | "brace" | "left" {
  return end.kind === "paren" ? enclosing(end.outer) : end.kind;
}

/**
 * Which plain brackets pair up: each "(" or "[" with the next unpaired ")" or "]" of the same kind
 * inside the same group ({...} or \left...\right). Unpaired ones stay literal characters.
 * Mirrors how the parser nests groups, so a pair never straddles a group boundary.
 */
function matchBrackets(tokens: readonly Token[]): Map<number, number> {
  const matches = new Map<number, number>();
  const frames: { kind: "top" | "brace" | "left"; opens: number[] }[] = [{ kind: "top", opens: [] }];
  tokens.forEach((token, index) => {
    const frame = frames[frames.length - 1]!;
    if (token.type === "char") {
      if (token.char === "{") frames.push({ kind: "brace", opens: [] });
      else if (token.char === "}") {
        if (frame.kind === "left") frames.pop();
        if (frames[frames.length - 1]!.kind === "brace") frames.pop();
      } else if (token.char === "(" || token.char === "[") frame.opens.push(index);
      else if (token.char === ")" || token.char === "]") {
        const open = frame.opens[frame.opens.length - 1];
        const openToken = open === undefined ? undefined : tokens[open];
        const partner = token.char === ")" ? "(" : "[";
        if (open !== undefined && openToken?.type === "char" && openToken.char === partner) {
          matches.set(open, index);
          frame.opens.pop();
        }
      }
    } else if (token.type === "left" && token.delimiter !== "") {
      frames.push({ kind: "left", opens: [] });
    } else if (token.type === "right" && frame.kind === "left") {
      frames.pop();
    }
  });
  return matches;
}

/** Groups, brackets, fractions and scripts nested in one another, at most. */
const MAX_DEPTH = 64;

class Parser {
  private pos = 0;
  private depth = 0;
  private readonly matches: Map<number, number>;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly errors: LatexError[],
  ) {
    this.matches = matchBrackets(tokens);
  }

  parseFormula(): LatexRow {
    return this.parseRow({ kind: "top" });
  }

  private error(offset: number, length: number, message: string): void {
    this.errors.push({ offset, length, message });
  }

  private errorAt(token: Token, message: string): void {
    this.error(token.offset, token.length, message);
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isChar(token: Token | undefined, char: string): boolean {
    return token?.type === "char" && token.char === char;
  }

  private parseRow(end: RowEnd): LatexRow {
    const items: LatexNode[] = [];
    this.depth++;
    if (this.depth > MAX_DEPTH) {
      // Deeper nesting serves no formula, and would exhaust the call stack long before the input ends.
      const token = this.peek();
      if (token) this.errorAt(token, `the formula is nested more than ${MAX_DEPTH} levels deep`);
      this.skipToGroupEnd();
    }
    for (;;) {
      const token = this.peek();
      if (!token) break;
      if (end.kind === "paren" && this.pos === end.close) break;
      const outer = enclosing(end);
      if (this.isChar(token, "}")) {
        if (outer !== "top") break;
        this.errorAt(token, "this } closes nothing: there is no { before it");
        this.pos++;
        continue;
      }
      if (token.type === "right") {
        if (outer === "left") break;
        this.errorAt(
          token,
          token.delimiter === ""
            ? "\\right must be followed by ) or ] and pair with a \\left( or \\left[ before it"
            : `${describe(token)} has no \\left before it: \\left( ... \\right) must pair`,
        );
        this.pos++;
        continue;
      }
      const atom = this.parseAtom(token, end);
      // After an item that was an error, its scripts are skipped silently: one error is enough.
      if (atom) items.push(this.parseScripts(atom));
      else this.skipStrayScripts(false);
    }
    this.depth--;
    return { kind: "row", items };
  }

  /** Skips, without recursion, to the "}" or \right that closes the current group. */
  private skipToGroupEnd(): void {
    let level = 0;
    for (; this.pos < this.tokens.length; this.pos++) {
      const token = this.tokens[this.pos]!;
      if (this.isChar(token, "{") || (token.type === "left" && token.delimiter !== "")) level++;
      else if (this.isChar(token, "}") || token.type === "right") {
        if (level === 0) return;
        level--;
      }
    }
  }

  /** Parses one item starting at `token`; always consumes at least that token. */
  private parseAtom(token: Token, end: RowEnd): LatexNode | undefined {
    this.pos++;
    switch (token.type) {
      case "number":
        return { kind: "number", text: token.text };
      case "text":
        return { kind: "text", style: token.style, text: token.text };
      case "left":
        return this.parseLeft(token);
      case "right":
        return undefined; // parseRow handles \right before calling here
      case "command":
        return this.parseCommand(token);
      case "char":
        return this.parseChar(token, end);
    }
  }

  private parseChar(token: Token & { type: "char" }, end: RowEnd): LatexNode | undefined {
    const { char } = token;
    if (isLetter(char)) return { kind: "variable", name: char };
    if (CHAR_OPERATORS.has(char)) return { kind: "operator", op: char as OperatorName };
    if (char === "'") return { kind: "symbol", name: "prime" };
    if (char === "(" || char === "[") {
      const close = this.matches.get(this.pos - 1);
      if (close === undefined) return { kind: "delimiter", char };
      const body = this.parseRow({ kind: "paren", close, outer: end });
      if (this.pos === close) this.pos++;
      return { kind: "fence", open: char, close: char === "(" ? ")" : "]", sized: false, body };
    }
    if (char === ")" || char === "]") return { kind: "delimiter", char };
    if (char === "{") {
      this.pos--;
      return { kind: "group", body: this.parseBraceGroup() };
    }
    if (char === "^" || char === "_") {
      this.pos--;
      this.skipStrayScripts(true);
      return undefined;
    }
    const hint = CHAR_HINTS[char];
    this.errorAt(token, `"${char}" ${SEE_FORMULAS_DOC}${hint ? `; ${hint}` : ""}`);
    return undefined;
  }

  private parseCommand(token: Token & { type: "command" }): LatexNode | undefined {
    const { name } = token;
    if (GREEK.has(name)) return { kind: "greek", name: name as GreekName };
    if (FUNCTIONS.has(name)) return { kind: "function", name: name as FunctionName };
    if (COMMAND_OPERATORS.has(name)) return { kind: "operator", op: name as OperatorName };
    if (name === "infty" || name === "prime") return { kind: "symbol", name };
    const size = SPACES[name];
    if (size) return { kind: "space", size };
    if (name === "frac" || name === "dfrac") return this.parseFrac(token);
    if (name === "text" || name === "mathrm") {
      this.errorAt(token, `\\${name} needs its text in braces: \\${name}{...}`);
      return undefined;
    }
    if (name === "") {
      this.errorAt(token, "a lone \\ at the end: remove it or complete the command");
      return undefined;
    }
    const hint = COMMAND_HINTS[name];
    this.errorAt(token, `\\${name} ${SEE_FORMULAS_DOC}${hint ? `; ${hint}` : ""}`);
    return undefined;
  }

  private parseFrac(token: Token & { type: "command" }): LatexNode | undefined {
    const parts: LatexRow[] = [];
    for (const part of ["numerator", "denominator"]) {
      const next = this.peek();
      if (!this.isChar(next, "{")) {
        // Point at what stands where the brace should be, or at \frac when nothing does.
        const at = next && !this.isChar(next, "}") ? next : token;
        this.errorAt(at, `\\${token.name} needs its ${part} in braces, e.g. \\${token.name}{1}{2}; found ${describe(next)}`);
        return undefined;
      }
      const open = next!;
      const body = this.parseBraceGroup();
      if (body.items.length === 0) {
        this.error(open.offset, this.tokens[this.pos - 1]!.offset + 1 - open.offset, `the ${part} of \\${token.name} is empty`);
      }
      parts.push(body);
    }
    return { kind: "frac", display: token.name === "dfrac", numerator: parts[0]!, denominator: parts[1]! };
  }

  private parseLeft(token: Token & { type: "left" | "right" }): LatexNode | undefined {
    if (token.delimiter === "") {
      this.errorAt(token, `\\left must be followed by ( or [ (found ${describe(this.peek())})`);
      return undefined;
    }
    const open = token.delimiter as "(" | "[";
    const body = this.parseRow({ kind: "left" });
    const right = this.peek();
    let close: ")" | "]" = open === "(" ? ")" : "]";
    if (right?.type === "right") {
      this.pos++;
      if (right.delimiter === "") this.errorAt(right, "\\right must be followed by ) or ]");
      else close = right.delimiter as ")" | "]";
    } else {
      this.errorAt(token, `\\left${open} has no matching \\right${close}: \\left and \\right must pair in the same group`);
    }
    return { kind: "fence", open, close, sized: true, body };
  }

  /** Reads {...} at the current position ("{" must be there); reports a missing "}". */
  private parseBraceGroup(): LatexRow {
    const open = this.peek()!;
    this.pos++;
    const body = this.parseRow({ kind: "brace" });
    if (this.isChar(this.peek(), "}")) this.pos++;
    else this.errorAt(open, "this { is never closed: add a matching }");
    return body;
  }

  private parseScripts(base: LatexNode): LatexNode {
    if (base.kind === "operator" || base.kind === "space") return base;
    let sup: LatexRow | undefined;
    let sub: LatexRow | undefined;
    for (;;) {
      const token = this.peek();
      if (!(this.isChar(token, "^") || this.isChar(token, "_"))) break;
      const isSup = this.isChar(token, "^");
      this.pos++;
      const script = this.parseScriptArgument(token!);
      if ((isSup && sup) || (!isSup && sub)) {
        const what = isSup ? "superscript" : "subscript";
        this.errorAt(token!, `double ${what}: put the first one in braces, e.g. {x^{a}}^{b}`);
        continue;
      }
      if (script && isSup) sup = script;
      else if (script) sub = script;
    }
    if (!sup && !sub) return base;
    return { kind: "scripts", base, ...(sup ? { sup } : {}), ...(sub ? { sub } : {}) };
  }

  /** Consumes script signs that have no base, with their arguments, so errors do not cascade. */
  private skipStrayScripts(report: boolean): void {
    for (;;) {
      const token = this.peek();
      if (!(this.isChar(token, "^") || this.isChar(token, "_"))) return;
      this.pos++;
      if (report) {
        const sign = this.isChar(token, "^") ? "^" : "_";
        this.errorAt(
          token!,
          `this ${sign} has nothing to attach to: a ${sign === "^" ? "superscript" : "subscript"} must follow a letter, number, bracket or group`,
        );
      }
      this.parseScriptArgument(token!);
    }
  }

  private parseScriptArgument(sign: Token): LatexRow | undefined {
    const next = this.peek();
    const what = this.isChar(sign, "^") ? "superscript" : "subscript";
    const signChar = this.isChar(sign, "^") ? "^" : "_";
    if (this.isChar(next, "{")) {
      const open = next!;
      const body = this.parseBraceGroup();
      if (body.items.length === 0) {
        this.error(open.offset, this.tokens[this.pos - 1]!.offset + 1 - open.offset, `the ${what} ${signChar}{} is empty`);
      }
      return body;
    }
    const single = (node: LatexNode): LatexRow => {
      this.pos++;
      return { kind: "row", items: [node] };
    };
    if (next?.type === "number") {
      if (next.text.length === 1) return single({ kind: "number", text: next.text });
      this.errorAt(next, `a ${what} of more than one character needs braces: write ${signChar}{${next.text}}`);
      return single({ kind: "number", text: next.text });
    }
    if (next?.type === "char" && isLetter(next.char)) return single({ kind: "variable", name: next.char });
    if (next?.type === "command" && GREEK.has(next.name)) return single({ kind: "greek", name: next.name as GreekName });
    if (next?.type === "command" && next.name === "infty") return single({ kind: "symbol", name: "infty" });
    if (!next || this.isChar(next, "}") || next.type === "right") {
      this.errorAt(sign, `this ${signChar} has nothing after it: write the ${what} in braces, e.g. ${signChar}{-x}`);
    } else {
      this.errorAt(sign, `a ${what} must be one letter or digit, or a group in braces: write ${signChar}{...} (found ${describe(next)})`);
    }
    return undefined;
  }
}

/** Parses a formula of the LaTeX subset; never throws. */
export function parseLatex(source: string): ParseResult {
  if (source.trim() === "") {
    return { ok: false, errors: [{ offset: 0, length: source.length, message: "the formula is empty" }] };
  }
  const errors: LatexError[] = [];
  const tokens = tokenize(source, errors);
  const node = new Parser(tokens, errors).parseFormula();
  if (errors.length === 0 && node.items.length === 0) {
    errors.push({ offset: 0, length: source.length, message: "the formula is empty" });
  }
  if (errors.length > 0) {
    const seen = new Set<string>();
    const unique = errors
      .sort((a, b) => a.offset - b.offset || a.length - b.length)
      .filter((error) => {
        const key = `${error.offset}:${error.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    return { ok: false, errors: unique };
  }
  return { ok: true, node };
}

/** Writes a tree back as LaTeX of the subset; parseLatex(latexSource(node)) gives the same tree. */
export function latexSource(node: LatexNode): string {
  const row = (r: LatexRow): string => r.items.map(latexSource).join(" ");
  switch (node.kind) {
    case "row":
      return row(node);
    case "number":
      return node.text;
    case "variable":
      return node.name;
    case "greek":
      return `\\${node.name}`;
    case "symbol":
      return node.name === "prime" ? "'" : "\\infty";
    case "operator":
      return CHAR_OPERATORS.has(node.op) ? node.op : `\\${node.op}`;
    case "delimiter":
      return node.char;
    case "function":
      return `\\${node.name}`;
    case "text":
      return `\\${node.style}{${node.text}}`;
    case "space":
      return node.size === "thin" ? "\\," : node.size === "medium" ? "\\;" : "\\quad";
    case "group":
      return `{${row(node.body)}}`;
    case "fence":
      return node.sized ? `\\left${node.open} ${row(node.body)} \\right${node.close}` : `${node.open}${row(node.body)}${node.close}`;
    case "frac":
      return `\\${node.display ? "dfrac" : "frac"}{${row(node.numerator)}}{${row(node.denominator)}}`;
    case "scripts":
      return `${latexSource(node.base)}${node.sup ? `^{${row(node.sup)}}` : ""}${node.sub ? `_{${row(node.sub)}}` : ""}`;
  }
}
