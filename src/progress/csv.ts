// CSV as RFC 4180 describes it: CRLF line ends, and a field with a comma, quote, CR or LF is
// put in double quotes with its quotes doubled. Answers are typed by learners and may hold any of those.

import { visibleText } from "../core/visible-text";

export type CsvValue = string | number | boolean | null;

/**
 * A text cell from someone else's data, safe to open in a spreadsheet and to print: control and
 * bidirectional characters shown as escapes (visibleText), and text that a spreadsheet would
 * run as a formula (starting with = + - @, after any spaces) given a leading apostrophe, as
 * OWASP advises. A plain number such as -0.5 is left as it is: it is no formula.
 */
export function safeCell(text: string): string {
  // Line breaks and tabs stay: a quoted CSV field holds them, and they move no cursor.
  const shown = visibleText(text, { keepLines: true });
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(shown)) return shown;
  return /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u.test(shown) ? `'${shown}` : shown;
}

/** Every text value made safe with safeCell; numbers, booleans and empty cells as they are. */
export function safeRow(row: readonly CsvValue[]): CsvValue[] {
  return row.map((value) => (typeof value === "string" ? safeCell(value) : value));
}

export function csvField(value: CsvValue): string {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}

/** Reads CSV back (for tests and for `report`): the inverse of toCsv. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else {
      field += c;
    }
    i++;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
