// A formula from the content's LaTeX subset, laid out in two dimensions (stacked fractions, raised
// exponents) within the width given, in ASCII when the ascii setting is on. Screen readers get
// the one-line form as the label instead of the drawing.
import { Box, Text } from "ink";
import { useMemo } from "react";
import { linearFormula, parseLatex, renderFormula } from "../../core/latex";
import { useAscii, useTheme } from "../context";

export interface FormulaProps {
  /** LaTeX source, e.g. "\\sigma(x) = \\frac{1}{1 + e^{-x}}". */
  latex: string;
  /** Widest line in terminal cells; wider layouts are broken or written linearly. */
  maxWidth: number;
}

export function Formula({ latex, maxWidth }: FormulaProps) {
  const ascii = useAscii();
  const theme = useTheme();
  const lines = useMemo(() => renderFormula(latex, { ascii, maxWidth: Math.max(1, maxWidth) }), [latex, ascii, maxWidth]);
  const label = useMemo(() => {
    const parsed = parseLatex(latex);
    return parsed.ok ? linearFormula(parsed.node, { ascii }) : latex;
  }, [latex, ascii]);
  return (
    <Box flexDirection="column" aria-label={label}>
      {lines.map((line, i) => (
        // Lines of one layout never reorder: the index is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Text key={i} wrap="truncate-end" {...theme.formula}>
          {line}
        </Text>
      ))}
    </Box>
  );
}
