// The server's texts on their way to the full screen: Ink draws a string as it is, so a control
// or bidirectional character in a server's prompt would act on the learner's terminal. Every
// string in an event is made visible (src/core/visible-text.ts) before a screen sees it; plain
// text and JSON lines get the same from their presenters.
import { visibleText } from "../core/visible-text";
import type { RemoteEvent } from "./wire";

function visible<T>(value: T): T {
  if (typeof value === "string") return visibleText(value, { keepLines: true }) as T;
  if (Array.isArray(value)) return value.map(visible) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visible(v)])) as T;
  }
  return value;
}

export function visibleEvents(events: readonly RemoteEvent[]): RemoteEvent[] {
  return events.map(visible);
}
