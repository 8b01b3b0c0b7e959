// Explore: σ and σ′ on [−6, 6] as a braille-dot plot (ASCII with --ascii), the learner's x moved
// with ← / → (0.25 a step; [ ] or Shift for 1), the values there, and the tangent to σ at x,
// whose slope is σ′(x): the article's hiker feeling the slope underfoot in the fog. The
// steepest point, x = 0 with σ′(0) = 1/4, is marked. The plot takes whatever height the texts
// under it leave, so it fits 80×24 and shrinks at 40×15; marks and labels carry the meaning,
// colour only helps.
import { type DOMElement, Box, measureElement, Text } from "ink";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { Header } from "../components/Header";
import { Plot } from "../components/Plot";
import { WrappedText } from "../components/WrappedText";
import { type ScreenProps, useAscii, useMarks, useScreenMemo, useText, useTheme } from "../context";
import { type Action, bindingLabel, KEY_BINDINGS, matches, primaryKey } from "../keymap";
import { explorePlot, formatFixed, glyphsFor, moveX, plotHeight, readoutAt, readoutText, X_START } from "../plot/explore-model";
import { UI_TEXT } from "../strings";
import { useTerminalSize } from "../use-terminal-size";
import { EXPLORE_TEXT } from "./explore-strings";
import { useKeypress } from "../keypress";

/** The plot takes the height the texts leave, up to a tall terminal's; shorter than 3 rows it loses the curves' shape. */
const MAX_PLOT_ROWS = 60;
const MIN_PLOT_ROWS = 3;
/** Below this width the texts under the plot use their short forms, to leave rows for the plot. */
const NARROW = 60;

export function Explore(_props: ScreenProps) {
  const t = useText();
  const ascii = useAscii();
  const theme = useTheme();
  const marks = useMarks();
  const { columns, rows } = useTerminalSize();
  const memo = useScreenMemo("explore", () => ({ x: X_START }));
  const [x, setX] = useState(memo.x);
  const narrow = columns < NARROW;

  // The plot's box gets the rows the texts leave (Ink lays it out); its drawing is then made to that height.
  const plotBox = useRef<DOMElement>(null);
  const [plotRows, setPlotRows] = useState(() => Math.min(MAX_PLOT_ROWS, Math.max(MIN_PLOT_ROWS, rows - (narrow ? 10 : 11))));
  useLayoutEffect(() => {
    if (!plotBox.current) return;
    const available = measureElement(plotBox.current).height;
    const fitting = Math.min(MAX_PLOT_ROWS, Math.max(MIN_PLOT_ROWS, available - plotHeight(0)));
    if (fitting !== plotRows) setPlotRows(fitting);
  });

  const move = (next: number) => {
    memo.x = next;
    setX(next);
  };
  useKeypress((input, key) => {
    const at = memo.x;
    if (key.shift && key.leftArrow) return move(moveX(at, -1, true));
    if (key.shift && key.rightArrow) return move(moveX(at, 1, true));
    if (matches("moveLeft", input, key)) return move(moveX(at, -1));
    if (matches("moveRight", input, key)) return move(moveX(at, 1));
    if (matches("moveLeftFar", input, key)) return move(moveX(at, -1, true));
    if (matches("moveRightFar", input, key)) return move(moveX(at, 1, true));
    if (matches("moveToSteepest", input, key)) return move(X_START);
  });

  const readout = readoutAt(x);
  const values = readoutText(readout, ascii);
  const glyphs = glyphsFor(ascii);
  const plot = useMemo(() => explorePlot(x, { width: columns, rows: plotRows, ascii }), [x, columns, plotRows, ascii]);
  const marksText = { point: glyphs.point, derivative: glyphs.derivativePoint, steepest: glyphs.steepest, axis: glyphs.xMark };
  // One name per symbol: narrow, the legend names ◆ too (there is no steepest-point line then).
  const legend = narrow
    ? ascii
      ? EXPLORE_TEXT.legendShortAscii
      : EXPLORE_TEXT.legendShort
    : ascii
      ? EXPLORE_TEXT.legendAscii
      : EXPLORE_TEXT.legend;
  const steepest = readout.steepest ? t(EXPLORE_TEXT.steepestHere) : t(EXPLORE_TEXT.steepestThere, { mark: glyphs.steepest });

  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Header title={t(EXPLORE_TEXT.title)} />
      <Box ref={plotBox} flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden">
        <Plot
          rows={plot}
          label={t(EXPLORE_TEXT.plotLabel, { x: formatFixed(x, 2, ascii), slope: formatFixed(readout.derivative, 4, ascii) })}
        />
      </Box>
      <Box flexDirection="column" flexShrink={0}>
        <Box flexWrap="wrap" columnGap={2}>
          <Text {...theme.heading}>{values.x}</Text>
          <Text>{values.sigma}</Text>
          <Text>{values.derivative}</Text>
          {narrow && readout.steepest ? <Text {...theme.good}>{t(EXPLORE_TEXT.steepestShort)}</Text> : null}
        </Box>
        <WrappedText text={t(narrow ? EXPLORE_TEXT.captionShort : EXPLORE_TEXT.caption)} width={columns} />
        {narrow ? null : <WrappedText text={steepest} width={columns} style={readout.steepest ? theme.good : {}} />}
        <WrappedText text={t(legend, marksText)} width={columns} style={theme.muted} />
      </Box>
      <KeyLine
        narrow={narrow}
        items={[
          { actions: ["moveLeft", "moveRight"], label: narrow ? EXPLORE_TEXT.keyMoveShort : EXPLORE_TEXT.keyMove },
          { actions: ["moveLeftFar", "moveRightFar"], label: EXPLORE_TEXT.keyFar },
          ...(narrow ? [] : [{ actions: ["moveToSteepest"] as Action[], label: EXPLORE_TEXT.keyCentre }]),
          { actions: ["back"], label: UI_TEXT.keyBack },
          { actions: ["help"], label: UI_TEXT.keyHelp },
        ]}
        separator={marks.separator}
      />
    </Box>
  );
}

interface KeyLineItem {
  /** Keys shown together, "←/→": KeyBar shows one key per action, the explorer's keys come in pairs. */
  actions: Action[];
  label: { ja: string; en: string };
}

/**
 * The key line, from the key map (so it says what the keys do), with paired keys written "←/→".
 * When narrow, each action shows its shortest key (h/l rather than Left/Right in ASCII).
 */
function KeyLine({ items, separator, narrow }: { items: readonly KeyLineItem[]; separator: string; narrow: boolean }) {
  const t = useText();
  const theme = useTheme();
  const ascii = useAscii();
  return (
    <Box flexWrap="wrap" columnGap={1} flexShrink={0}>
      {items.map((item, i) => (
        <Box key={item.actions.join("+")} flexShrink={0}>
          <Text {...theme.muted}>{i > 0 ? `${separator} ` : ""}</Text>
          <Text {...theme.key}>{item.actions.map((a) => (narrow ? shortestKey(a, ascii) : primaryKey(a, ascii))).join("/")}</Text>
          <Text {...theme.muted}> {t(item.label)}</Text>
        </Box>
      ))}
    </Box>
  );
}

function shortestKey(action: Action, ascii: boolean): string {
  const labels = KEY_BINDINGS[action].keys.map((binding) => bindingLabel(binding, ascii));
  return labels.reduce((best, label) => (label.length < best.length ? label : best));
}
