// Settings: language (ja/en) and ASCII formulas. A change shows at once on every text and is
// saved through the progress store (setSetting), so the next start uses it too.
import { Box, Text } from "ink";
import { useRef, useState } from "react";
import type { Localized } from "../../core/i18n";
import { Header } from "../components/Header";
import { KeyBar } from "../components/KeyBar";
import { type ScreenProps, useAscii, useMarks, useText, useTheme, useTrainer, useUi } from "../context";
import { matches } from "../keymap";
import { UI_TEXT } from "../strings";
import { useKeypress } from "../keypress";

type SettingId = "lang" | "ascii";
const SETTINGS: readonly { id: SettingId; label: Localized }[] = [
  { id: "lang", label: UI_TEXT.settingLanguage },
  { id: "ascii", label: UI_TEXT.settingAscii },
];

export function Settings(_props: ScreenProps) {
  const t = useText();
  const theme = useTheme();
  const marks = useMarks();
  const ascii = useAscii();
  const { ui } = useTrainer();
  const lang = useUi((s) => s.lang);
  const [selected, setSelected] = useState(0);
  // Key handlers read this, not `selected`: keys arriving in one chunk ("↓⏎") run before React
  // re-renders, and Enter must change the setting the arrow just moved to.
  const cursor = useRef(0);
  const moveTo = (index: number) => {
    cursor.current = index;
    setSelected(index);
  };

  const change = (id: SettingId) => {
    const state = ui.getState();
    if (id === "lang") state.setLang(state.lang === "ja" ? "en" : "ja");
    else state.setAscii(!state.ascii);
  };
  useKeypress((input, key) => {
    const current = cursor.current;
    if (matches("up", input, key)) moveTo((current - 1 + SETTINGS.length) % SETTINGS.length);
    else if (matches("down", input, key)) moveTo((current + 1) % SETTINGS.length);
    else if (matches("toggle", input, key) || key.leftArrow || key.rightArrow) change(SETTINGS[current]!.id);
  });

  // Each language is named in itself, so a learner who cannot read the current one still finds theirs.
  const value = (id: SettingId) => (id === "lang" ? `${UI_TEXT.languageName[lang]} (${lang})` : t(ascii ? UI_TEXT.on : UI_TEXT.off));
  return (
    <Box flexDirection="column">
      <Header title={t(UI_TEXT.settingsTitle)} />
      <Text> </Text>
      {SETTINGS.map((s, i) => {
        const isSelected = i === selected;
        return (
          <Box key={s.id} aria-role="menuitem" aria-state={{ selected: isSelected }}>
            <Text {...(isSelected ? theme.selected : {})}>
              {isSelected ? marks.pointer : " "} {t(s.label)}: {value(s.id)}
            </Text>
          </Box>
        );
      })}
      <Text> </Text>
      <Text {...theme.muted}>{t(UI_TEXT.languageChoices)}</Text>
      <Text {...theme.muted}>{t(UI_TEXT.settingsSaved)}</Text>
      <KeyBar
        items={[
          { action: "up", label: UI_TEXT.keyMove, keys: ascii ? "Up/Down" : "↑↓" },
          { action: "toggle", label: UI_TEXT.keyChange, keys: "Space/Enter" },
          { action: "back", label: UI_TEXT.keyBack },
          { action: "help", label: UI_TEXT.keyHelp },
        ]}
      />
    </Box>
  );
}
