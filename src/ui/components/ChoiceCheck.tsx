// A multiple-choice check question under a step: the choices numbered, the one under the pointer
// marked with › (not colour alone), and after Enter the verdict in a mark and words with the
// step's explanation.
import { Box, Text } from "ink";
import type { ChoiceCheck as ChoiceCheckData } from "../../content/model";
import { useMarks, useText, useTheme } from "../context";
import { type ChoiceState, choiceCorrect } from "../learn-model";
import { LEARN_TEXT } from "../screens/learn-strings";
import { UI_TEXT } from "../strings";

export interface ChoiceCheckProps {
  check: ChoiceCheckData;
  state: ChoiceState;
}

export function ChoiceCheck({ check, state }: ChoiceCheckProps) {
  const t = useText();
  const theme = useTheme();
  const marks = useMarks();
  const correct = choiceCorrect(check, state);
  return (
    <Box flexDirection="column">
      <Text>{t(check.question)}</Text>
      {check.choices.map((choice, i) => {
        const selected = i === state.selected;
        return (
          // Choices never reorder: the index is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Text key={i} {...(selected ? theme.selected : {})}>
            {selected ? marks.pointer : " "} {i + 1}. {t(choice)}
          </Text>
        );
      })}
      {correct === null ? (
        <Text {...theme.muted}>{t(LEARN_TEXT.choiceHow)}</Text>
      ) : (
        <Box flexDirection="column" marginTop={1}>
          <Text>
            <Text {...(correct ? theme.good : theme.bad)}>
              {correct ? marks.correct : marks.incorrect} {t(correct ? UI_TEXT.verdictCorrect : UI_TEXT.verdictIncorrect)}
            </Text>{" "}
            {correct ? t(LEARN_TEXT.choiceRight) : t(LEARN_TEXT.choiceWrong, { n: check.answer + 1 })}
          </Text>
          <Text>{t(check.explanation)}</Text>
          {correct ? null : <Text {...theme.muted}>{t(LEARN_TEXT.choiceAgain)}</Text>}
        </Box>
      )}
    </Box>
  );
}
