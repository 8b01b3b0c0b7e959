// Placeholders in prompts, hints, solutions and feedback: `{name}` or `{name:N}` (N significant
// figures), `{{` and `}}` for literal braces. Parsed once for validation (unknown names,
// malformed braces, each at its character) and for rendering a variant's text.

export type Segment =
  | { kind: "text"; text: string }
  | { kind: "placeholder"; name: string; digits: number | null /** index of `{` in the text */; index: number };

export interface PlaceholderError {
  /** 0-based index into the text. */
  index: number;
  message: string;
}

const PLACEHOLDER = /^\{([A-Za-z_][A-Za-z0-9_]*)(?::([0-9]+))?\}/;
const MAX_PLACEHOLDER_DIGITS = 15;

export function parsePlaceholders(text: string): { segments: Segment[]; errors: PlaceholderError[] } {
  const segments: Segment[] = [];
  const errors: PlaceholderError[] = [];
  let literal = "";
  let i = 0;
  const flush = () => {
    if (literal !== "") segments.push({ kind: "text", text: literal });
    literal = "";
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === "{" && text[i + 1] === "{") {
      literal += "{";
      i += 2;
      continue;
    }
    if (c === "}" && text[i + 1] === "}") {
      literal += "}";
      i += 2;
      continue;
    }
    if (c === "}") {
      errors.push({ index: i, message: 'a lone "}"; write "}}" for a literal brace' });
      literal += c;
      i++;
      continue;
    }
    if (c === "{") {
      const match = PLACEHOLDER.exec(text.slice(i));
      if (!match) {
        const close = text.indexOf("}", i);
        const inner = close === -1 ? text.slice(i + 1) : text.slice(i + 1, close);
        const message =
          close === -1
            ? 'unclosed "{"; expected {name} or {name:N}, or "{{" for a literal brace'
            : `bad placeholder "{${inner}}"; expected {name} or {name:N} (N significant figures), or "{{" for a literal brace`;
        errors.push({ index: i, message });
        // Past the whole bad placeholder, so its closing brace is not reported again.
        const end = close === -1 ? text.length : close + 1;
        literal += text.slice(i, end);
        i = end;
        continue;
      }
      const digits = match[2] === undefined ? null : Number(match[2]);
      if (digits !== null && (digits < 1 || digits > MAX_PLACEHOLDER_DIGITS)) {
        errors.push({
          index: i,
          message: `placeholder "${match[0]}" asks for ${digits} significant figures; expected 1 to ${MAX_PLACEHOLDER_DIGITS}`,
        });
      }
      flush();
      segments.push({ kind: "placeholder", name: match[1]!, digits, index: i });
      i += match[0].length;
      continue;
    }
    literal += c;
    i++;
  }
  flush();
  return { segments, errors };
}

/** The text with each placeholder replaced by `format(name, digits)`. */
export function renderPlaceholders(text: string, format: (name: string, digits: number | null) => string): string {
  return parsePlaceholders(text)
    .segments.map((segment) => (segment.kind === "text" ? segment.text : format(segment.name, segment.digits)))
    .join("");
}

export interface Placeholder {
  name: string;
  digits: number | null;
  /** 0-based index of `{` in the text. */
  index: number;
}

/** The placeholders of a text and its brace errors, for validation. */
export function placeholdersOf(text: string): { placeholders: Placeholder[]; errors: PlaceholderError[] } {
  const { segments, errors } = parsePlaceholders(text);
  const placeholders: Placeholder[] = [];
  for (const segment of segments) {
    if (segment.kind === "placeholder") placeholders.push({ name: segment.name, digits: segment.digits, index: segment.index });
  }
  return { placeholders, errors };
}
