// The one keypress layer (after gemini-cli's KeypressContext): every screen and component takes
// keys through `useKeypress`, never Ink's useInput directly. Ink 6 hands useInput a whole chunk
// of plain characters as one input ("12345" then three 0x7F Backspaces, or Ctrl+U followed by
// text, all in one write: a held-down key, a fast typist, tmux send-keys, SSH). Here the chunk
// is split into its keys, and each key goes, in order, to the handlers that are subscribed when
// it is its turn: after Enter opens another screen, the keys behind it reach the new screen.
// Escape sequences (arrows, PgUp…) arrive from Ink already cut into whole sequences.
import { type Key, useInput } from "ink";
import { createContext, type ReactNode, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";

export type KeyHandler = (input: string, key: Key) => void;

export interface Keypress {
  input: string;
  key: Key;
}

/** A key with no flag set: what each key parsed from a chunk starts from. */
export const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** One character of a chunk as Ink would report it had it arrived alone. */
function keyOf(ch: string): Keypress {
  const code = ch.codePointAt(0) ?? 0;
  if (ch === "\r" || ch === "\n") return { input: "", key: { ...NO_KEY, return: true } };
  if (ch === "\t") return { input: "", key: { ...NO_KEY, tab: true } };
  // Ink reports the 0x7F most terminals send for Backspace as delete, and 0x08 as backspace.
  if (code === 0x7f) return { input: "", key: { ...NO_KEY, delete: true } };
  if (code === 0x08) return { input: "", key: { ...NO_KEY, backspace: true } };
  if (code === 0x1b) return { input: "", key: { ...NO_KEY, escape: true, meta: true } };
  if (code >= 0x01 && code <= 0x1a) return { input: String.fromCharCode(code + 0x60), key: { ...NO_KEY, ctrl: true } };
  if (code < 0x20) return { input: "", key: { ...NO_KEY } };
  return { input: ch, key: { ...NO_KEY, shift: /[A-Z]/.test(ch) } };
}

/**
 * The keys in one input event from Ink. A chunk of several plain characters (Ink's input for a
 * chunk it could not name) becomes one key per character; anything Ink named stays one key.
 */
export function splitKeys(input: string, key: Key): Keypress[] {
  const chars = [...input];
  const named = Object.entries(key).some(([name, on]) => on === true && name !== "shift");
  if (chars.length <= 1 || named || input.startsWith("\u001B")) return [{ input, key }];
  return chars.map(keyOf);
}

interface Dispatcher {
  subscribe(handler: { current: KeyHandler }): () => void;
  /** While held (a joined quiz waiting for its server), keys queue up instead of being delivered. */
  hold(held: boolean): void;
}

const KeypressContext = createContext<Dispatcher | null>(null);

/**
 * Takes input for the whole app: one Ink listener, the chunk split into keys. A key acts at once
 * when nothing is waiting; each next one only after React has committed what the one before
 * changed (the provider's own effect runs after its children's), so handlers that read rendered
 * state, and a screen that a key just opened, see it.
 */
export function KeypressProvider({ children }: { children: ReactNode }) {
  const handlers = useRef(new Set<{ current: KeyHandler }>());
  const queue = useRef<Keypress[]>([]);
  /** A key has been delivered and its render is not committed yet. */
  const waiting = useRef(false);
  const [turn, setTurn] = useState(0);
  const held = useRef(false);
  const dispatcher = useMemo<Dispatcher>(
    () => ({
      subscribe(handler) {
        handlers.current.add(handler);
        return () => {
          handlers.current.delete(handler);
        };
      },
      hold(on) {
        held.current = on;
        // Released: the keys typed meanwhile go on, in order, as if they had just arrived.
        if (!on) setTurn((n) => n + 1);
      },
    }),
    [],
  );
  const deliver = ({ input, key }: Keypress) => {
    waiting.current = true;
    setTurn((n) => n + 1);
    for (const handler of [...handlers.current]) {
      // A handler that unsubscribed while an earlier one ran (its screen closed) gets nothing.
      if (handlers.current.has(handler)) handler.current(input, key);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: each turn (a committed key) lets the next key go
  useEffect(() => {
    // Runs after the commit of what the last key changed (children's effects first, so a screen
    // that key opened has subscribed). The next key goes a macrotask later, outside React: from
    // inside the commit, a long chunk would pile up nested updates until React gives up (50).
    if (queue.current.length === 0) {
      waiting.current = false;
      return;
    }
    if (held.current) {
      waiting.current = true;
      return;
    }
    const pause = setImmediate(() => {
      if (held.current) return;
      const next = queue.current.shift();
      if (next) deliver(next);
      else waiting.current = false;
    });
    return () => clearImmediate(pause);
  }, [turn]);
  useInput((input, key) => {
    const keys = splitKeys(input, key);
    // Ctrl+C is never held: a learner waiting for a server that is down can always leave.
    if (held.current && key.ctrl && input === "c") {
      for (const handler of [...handlers.current]) handler.current(input, key);
      return;
    }
    if (waiting.current || held.current) {
      queue.current.push(...keys);
      return;
    }
    const [first, ...rest] = keys;
    queue.current.push(...rest);
    if (first) deliver(first);
  });
  return <KeypressContext.Provider value={dispatcher}>{children}</KeypressContext.Provider>;
}

/**
 * Calls `handler` for every key, one at a time and in order, while `active` (default true).
 * Outside a KeypressProvider (a component rendered alone in a test) it splits chunks itself.
 */
export function useKeypress(handler: KeyHandler, options: { active?: boolean } = {}): void {
  const dispatcher = useContext(KeypressContext);
  const active = options.active ?? true;
  const ref = useRef(handler);
  ref.current = handler;
  // Subscribed as the screen is committed, not in a later passive effect: the key after the one
  // that opened this screen may already be on its way.
  useLayoutEffect(() => {
    if (!dispatcher || !active) return;
    return dispatcher.subscribe(ref);
  }, [dispatcher, active]);
  useInput(
    (input, key) => {
      for (const k of splitKeys(input, key)) ref.current(k.input, k.key);
    },
    { isActive: dispatcher === null && active },
  );
}

/**
 * While `held`, keys wait in order instead of reaching any screen: a joined quiz holds them while
 * its server has not answered, so what is typed meanwhile acts on what the answer shows, as it
 * would in a local quiz. Outside a KeypressProvider it does nothing.
 */
export function useHoldKeys(held: boolean): void {
  const dispatcher = useContext(KeypressContext);
  useLayoutEffect(() => {
    if (!dispatcher) return;
    dispatcher.hold(held);
    return () => dispatcher.hold(false);
  }, [dispatcher, held]);
}
