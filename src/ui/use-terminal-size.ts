// The terminal's size, updated on resize. Tests fix it through the context (ink-testing-library's
// stdout has 100 columns and no rows).
import { useStdout } from "ink";
import { useEffect, useState } from "react";
import { type TerminalSize, useTrainer } from "./context";

/** The smallest terminal the screens are laid out for; below it App shows TooSmall. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 15;

const FALLBACK: TerminalSize = { columns: 80, rows: 24 };

function read(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: stdout.columns || FALLBACK.columns, rows: stdout.rows || FALLBACK.rows };
}

export function useTerminalSize(): TerminalSize {
  const fixed = useTrainer().size;
  const { stdout } = useStdout();
  const [size, setSize] = useState<TerminalSize>(() => read(stdout));
  useEffect(() => {
    // Listened to even with a fixed size: a test changes the size and then emits "resize".
    const onResize = () => setSize(read(stdout));
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout]);
  return fixed ?? size;
}
