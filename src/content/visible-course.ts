// A pack's texts reach every screen: plain lines, JSON lines, and the full-screen trainer, where
// Ink would pass ESC c or a U+202E straight to the terminal. So the course, once validated, has
// every string in it made visible (control and bidirectional characters as escapes such as
// `\x1B`, line feeds and tabs kept). `validate` still reports them, from the files themselves.
import { visibleText } from "../core/visible-text";
import type { Course } from "./model";

function visibleValue<T>(value: T): T {
  if (typeof value === "string") return visibleText(value, { keepLines: true }) as T;
  if (Array.isArray(value)) return value.map(visibleValue) as T;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [visibleValue(k), visibleValue(v)])) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [visibleValue(k), visibleValue(v)])) as T;
  }
  return value;
}

/** The course with every text shown safely; the same course when nothing needed it (the usual case). */
export function visibleCourse(course: Course): Course {
  return needsEscapes(course) ? visibleValue(course) : course;
}

function needsEscapes(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "string") {
      if (visibleText(item, { keepLines: true }) !== item) return true;
    } else if (item instanceof Map) {
      for (const [k, v] of item) stack.push(k, v);
    } else if (Array.isArray(item)) {
      stack.push(...item);
    } else if (item !== null && typeof item === "object") {
      for (const [k, v] of Object.entries(item)) stack.push(k, v);
    }
  }
  return false;
}
