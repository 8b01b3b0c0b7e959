// A multiple-choice check question under a step: the choices numbered, the one under the pointer
// marked with › (not colour alone), and after Enter the verdict in a mark and words with the
// step's explanation.
import { Box, Text } from "ink";
import type { ChoiceCheck as ChoiceCheckData } from "../../content/model";
import { useMarks, useText, useTheme } from "../context";
import { type ChoiceState, choiceCorrect } from "../learn-model";
import { LEARN_TEXT } from "../screens/learn-strings";
import { UI_TEXT } from "../strings";
import { WrappedText } from "./WrappedText";

export interface ChoiceCheckProps {
  check: ChoiceCheckData;
  state: ChoiceState;
  width: number;
}

export function ChoiceCheck({ check, state, width }: ChoiceCheckProps) {
  const t = useText();
  const theme = useTheme();
  const marks = useMarks();
  const correct = choiceCorrect(check, state);
  return (
    <Box flexDirection="column" flexShrink={0}>
      <WrappedText text={t(check.question)} width={width} />
      {check.choices.map((choice, i) => {
        const selected = i === state.selected;
        const style = selected ? theme.selected : {};
        return (
          // Choices never reorder: the index is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <WrappedText key={i} prefix={`${selected ? marks.pointer : " "} ${i + 1}. `} text={t(choice)} style={style} width={width} />
        );
      })}
      {correct === null ? (
        <WrappedText text={t(LEARN_TEXT.choiceHow)} style={theme.muted} width={width} />
      ) : (
        <Box flexDirection="column" marginTop={1} flexShrink={0}>
          <Text {...(correct ? theme.good : theme.bad)}>
            {correct ? marks.correct : marks.incorrect} {t(correct ? UI_TEXT.verdictCorrect : UI_TEXT.verdictIncorrect)}
          </Text>
          {correct ? null : (
            <WrappedText
              text={t(LEARN_TEXT.choiceWrong, { n: check.answer + 1, choice: t(check.choices[check.answer] ?? { ja: "", en: "" }) })}
              width={width}
            />
          )}
          <WrappedText text={t(check.explanation)} width={width} />
          {correct ? null : <WrappedText text={t(LEARN_TEXT.choiceAgain)} style={theme.muted} width={width} />}
        </Box>
      )}
    </Box>
  );
}
