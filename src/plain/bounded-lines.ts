// Splitting input into lines without ever holding more than a bounded part of one line: a
// 200 MB line on stdin (a paste gone wrong, or `yes | tr -d '\n'`) is kept to its first
// LINE_LIMIT characters and marked as cut, before any per-character work. Line ends as readline
// reads them: "\n", "\r\n" (one end, even across chunks) and a lone "\r".
import { StringDecoder } from "node:string_decoder";

/** Characters (UTF-16 code units) kept of a line; far more than any answer or X needs. */
export const LINE_LIMIT = 4096;

export interface BoundedLine {
  /** The line without its end, at most `limit` code units. */
  text: string;
  /** The line was longer than the limit: `text` is only its start. */
  cut: boolean;
}

export class LineSplitter {
  private readonly decoder = new StringDecoder("utf8");
  private current = "";
  private cut = false;
  /** The last chunk ended with "\r": a "\n" first in the next one ends nothing more. */
  private afterCR = false;
  /** Something of the current line was seen (even an empty piece before a line end). */
  private open = false;

  constructor(private readonly limit = LINE_LIMIT) {}

  /** The lines that a chunk completes. */
  push(chunk: Buffer | string): BoundedLine[] {
    return this.split(typeof chunk === "string" ? chunk : this.decoder.write(chunk));
  }

  /** The input ended: the last line, if it had no line end. */
  end(): BoundedLine[] {
    const lines = this.split(this.decoder.end());
    if (this.open) lines.push(this.take());
    return lines;
  }

  private split(text: string): BoundedLine[] {
    const lines: BoundedLine[] = [];
    let start = 0;
    if (this.afterCR && text.length > 0) {
      if (text[0] === "\n") start = 1;
      this.afterCR = false;
    }
    const ends = /\r\n?|\n/g;
    ends.lastIndex = start;
    for (let match = ends.exec(text); match !== null; match = ends.exec(text)) {
      this.add(text.slice(start, match.index));
      lines.push(this.take());
      start = match.index + match[0].length;
    }
    this.add(text.slice(start));
    if (text.endsWith("\r")) this.afterCR = true;
    return lines;
  }

  private add(piece: string): void {
    if (piece.length > 0) this.open = true;
    if (this.cut) return;
    const room = this.limit - this.current.length;
    if (piece.length > room) {
      this.current += piece.slice(0, room);
      this.cut = true;
    } else {
      this.current += piece;
    }
  }

  private take(): BoundedLine {
    const line = { text: this.current, cut: this.cut };
    this.current = "";
    this.cut = false;
    this.open = false;
    return line;
  }
}
