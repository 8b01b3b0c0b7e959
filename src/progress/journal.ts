// Reading the append-only journal: split into lines by byte offset, decode each, recover what
// can be recovered from damaged lines, and leave out damage that was already reported.
import { decodeEvent, type JournalEvent } from "./events";

export const JOURNAL_FILE = "journal.jsonl";

export interface DamagedLine {
  /** 1-based line number, for messages. */
  line: number;
  /** Byte offset and length (without the newline): the line's identity in `repaired` events. */
  offset: number;
  length: number;
  reason: string;
  /** The last line, with no newline after it: a write that did not finish. */
  torn: boolean;
}

export interface ParsedJournal {
  events: JournalEvent[];
  /** Damaged lines not yet marked as reported by a `repaired` event. */
  damaged: DamagedLine[];
  /** Events recovered from inside damaged lines (a whole line glued after a torn one). */
  salvaged: number;
  /** Lines written by a newer version of the trainer, skipped. */
  newer: number;
  newestVersion: number | null;
  /** False when the file ends in the middle of a line: the next write must start with a newline. */
  endsCleanly: boolean;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const EVENT_START = Buffer.from('{"v":');

export function parseJournal(bytes: Buffer): ParsedJournal {
  const events: JournalEvent[] = [];
  const damaged: DamagedLine[] = [];
  let salvaged = 0;
  let newer = 0;
  let newestVersion: number | null = null;
  let offset = 0;
  let line = 0;
  while (offset < bytes.length) {
    line++;
    const newline = bytes.indexOf(0x0a, offset);
    const end = newline === -1 ? bytes.length : newline;
    const segment = bytes.subarray(offset, end);
    const decoded = decodeSegment(segment);
    if (decoded === "blank") {
      // An empty line is what a defensive newline leaves behind; it means nothing.
    } else if (decoded.kind === "event") {
      events.push(decoded.event);
    } else if (decoded.kind === "newer") {
      newer++;
      newestVersion = Math.max(newestVersion ?? 0, decoded.version);
    } else {
      damaged.push({ line, offset, length: segment.length, reason: decoded.reason, torn: newline === -1 });
      const rescued = salvage(segment);
      if (rescued) {
        events.push(rescued);
        salvaged++;
      }
    }
    offset = end + 1;
  }
  const marked = new Set<string>();
  for (const event of events) {
    if (event.type === "repaired") for (const l of event.lines) marked.add(`${l.offset}:${l.length}`);
  }
  return {
    events,
    damaged: damaged.filter((d) => !marked.has(`${d.offset}:${d.length}`)),
    salvaged,
    newer,
    newestVersion,
    endsCleanly: bytes.length === 0 || bytes[bytes.length - 1] === 0x0a,
  };
}

function decodeSegment(segment: Buffer): ReturnType<typeof decodeEvent> | "blank" {
  let text: string;
  try {
    text = utf8.decode(segment);
  } catch {
    return { kind: "bad", reason: "not valid UTF-8" };
  }
  if (text.trim() === "") return "blank";
  return decodeEvent(text);
}

/**
 * A writer that died mid-line leaves a torn prefix; the next writer's whole line may follow it
 * on the same line. Every event starts with `{"v":` (inside JSON strings a quote is escaped, so
 * that sequence only ever starts an object): try each later start until one decodes to the end.
 */
function salvage(segment: Buffer): JournalEvent | null {
  for (let at = segment.indexOf(EVENT_START, 1); at !== -1; at = segment.indexOf(EVENT_START, at + 1)) {
    const decoded = decodeSegment(segment.subarray(at));
    if (decoded !== "blank" && decoded.kind === "event") return decoded.event;
  }
  return null;
}
