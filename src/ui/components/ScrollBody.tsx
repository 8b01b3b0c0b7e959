// The one scrolling body of the screens (after gemini-cli's shared Scrollable): a view that takes
// the rows the header and key bar leave, and content taller than it, moved up by the rows scrolled.
// `useScrollBody` measures both after each layout (Ink lays out before layout effects run), keeps
// the first row shown in range however fast keys come, and, where the screen lets it, takes
// PgUp/PgDn (and ↑/↓) itself. Practice, Learn and Stats all scroll through it.
import { Box, type DOMElement, type Key, measureElement } from "ink";
import { type ReactNode, useLayoutEffect, useRef, useState } from "react";
import { useKeypress } from "../keypress";
import { matches } from "../keymap";

export interface ScrollSizes {
  /** Rows of the view. */
  view: number;
  /** Rows of the content. */
  content: number;
}

export interface ScrollBodyOptions {
  /**
   * The keys the body takes itself while on: "pages" (PgUp/PgDn), "lines" (PgUp/PgDn and ↑/↓), or
   * "none" (the screen scrolls it through scrollBy, as Learn does, where ↑/↓ may pick a choice).
   */
  keys?: "pages" | "lines" | "none";
  isActive?: boolean;
  /** Rows a page keeps from the one before (default 1). */
  pageOverlap?: number;
  /** Back to the top whenever one of these changes (a new question, a new verdict). */
  resetOn?: readonly unknown[];
}

export interface ScrollBodyState {
  /** The first row shown, in range. */
  top: number;
  /** The sizes measured after the last layout. */
  sizes: ScrollSizes;
  /** Content hidden below and above the view: the key bar's "PgDn more" and "PgUp scroll up". */
  below: boolean;
  above: boolean;
  /** Rows one PgUp/PgDn moves. */
  page: number;
  scrollBy(rows: number): void;
  scrollTo(row: number): void;
  /** Measures the view and the content now (inside a layout effect, after Ink's layout). */
  measure(): ScrollSizes;
  viewRef: React.RefObject<DOMElement | null>;
  contentRef: React.RefObject<DOMElement | null>;
}

/** The first row shown when the content is `content` rows tall and `view` rows fit: kept in range. */
export function clampScroll(scroll: number, content: number, view: number): number {
  return Math.max(0, Math.min(scroll, content - view));
}

/** The key's scroll, in rows, or null when the key does not scroll. */
export function scrollRowsFor(input: string, key: Key, keys: "pages" | "lines", page: number): number | null {
  if (matches("scrollDown", input, key)) return page;
  if (matches("scrollUp", input, key)) return -page;
  if (keys === "lines" && matches("down", input, key)) return 1;
  if (keys === "lines" && matches("up", input, key)) return -1;
  return null;
}

export function useScrollBody(options: ScrollBodyOptions = {}): ScrollBodyState {
  const viewRef = useRef<DOMElement | null>(null);
  const contentRef = useRef<DOMElement | null>(null);
  const [sizes, setSizes] = useState<ScrollSizes>({ view: 0, content: 0 });
  /** The last measured sizes, for keys that arrive before the next render. */
  const latest = useRef(sizes);
  const [scroll, setScroll] = useState(0);
  const measure = (): ScrollSizes => {
    const now = {
      view: viewRef.current ? measureElement(viewRef.current).height : 0,
      content: contentRef.current ? measureElement(contentRef.current).height : 0,
    };
    latest.current = now;
    return now;
  };
  useLayoutEffect(() => {
    const now = measure();
    if (now.view !== sizes.view || now.content !== sizes.content) setSizes(now);
  });
  const resetOn = options.resetOn ?? [];
  const [lastReset, setLastReset] = useState(resetOn);
  if (resetOn.length !== lastReset.length || resetOn.some((value, i) => !Object.is(value, lastReset[i]))) {
    // A new view: from its top (set while rendering, so its first frame already starts there).
    setLastReset(resetOn);
    setScroll(0);
  }
  const top = clampScroll(scroll, sizes.content, sizes.view);
  const page = Math.max(1, sizes.view - (options.pageOverlap ?? 1));
  // From the latest value and the latest sizes: several keys may arrive before the next render.
  const scrollBy = (rows: number) =>
    setScroll((current) => {
      const { content, view } = latest.current;
      return clampScroll(clampScroll(current, content, view) + rows, content, view);
    });
  const scrollTo = (row: number) => setScroll(Math.max(0, row));
  const keys = options.keys ?? "none";
  useKeypress(
    (input, key) => {
      if (keys === "none") return;
      const rows = scrollRowsFor(input, key, keys, Math.max(1, latest.current.view - (options.pageOverlap ?? 1)));
      if (rows !== null) scrollBy(rows);
    },
    { isActive: keys !== "none" && (options.isActive ?? true) },
  );
  return {
    top,
    sizes,
    below: sizes.content - top > sizes.view,
    above: top > 0,
    page,
    scrollBy,
    scrollTo,
    measure,
    viewRef,
    contentRef,
  };
}

/**
 * The scrolling body: grows into the rows left (from a basis of 0, and only it may shrink, so its
 * clip ends exactly where the lines below it start) and shows `scroll.top` onwards.
 */
export function ScrollBody({ scroll, children }: { scroll: ScrollBodyState; children: ReactNode }) {
  return (
    <Box ref={scroll.viewRef} flexDirection="column" flexGrow={1} flexShrink={1} flexBasis={0} overflow="hidden">
      <Box ref={scroll.contentRef} flexDirection="column" flexShrink={0} marginTop={-scroll.top}>
        {children}
      </Box>
    </Box>
  );
}
