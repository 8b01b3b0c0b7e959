// A multiple-choice check question under a step: the choices numbered, the one under the pointer
// marked with › (not colour alone), and after Enter the verdict in a mark and words, then the
// answered choice's own feedback sentence when the content gives one (for a wrong choice: the
// mistake behind it), then (when wrong) the right answer, then the step's explanation.
import { Box, type DOMElement, Text } from "ink";
import type { Ref } from "react";
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
  /** The block shown after an answer (verdict first), so the screen can keep its start in view. */
  resultRef?: Ref<DOMElement>;
  /** The course's last step: there is no next step for Enter to go on to. */
  last?: boolean;
}

export function ChoiceCheck({ check, state, width, resultRef, last = false }: ChoiceCheckProps) {
  const t = useText();
  const theme = useTheme();
  const marks = useMarks();
  const correct = choiceCorrect(check, state);
  const feedback = state.chosen === null ? undefined : check.feedback?.[state.chosen];
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
        <Box ref={resultRef} flexDirection="column" marginTop={1} flexShrink={0}>
          <Text {...(correct ? theme.good : theme.bad)}>
            {correct ? marks.correct : marks.incorrect} {t(correct ? UI_TEXT.verdictCorrect : UI_TEXT.verdictIncorrect)}
          </Text>
          {feedback ? <WrappedText text={t(feedback)} width={width} /> : null}
          {correct ? null : (
            <WrappedText
              text={t(LEARN_TEXT.choiceWrong, { n: check.answer + 1, choice: t(check.choices[check.answer] ?? { ja: "", en: "" }) })}
              width={width}
            />
          )}
          <WrappedText text={t(check.explanation)} width={width} />
          {correct ? (
            state.selected === state.chosen && !last ? (
              <WrappedText text={t(LEARN_TEXT.exerciseDone)} style={theme.key} width={width} />
            ) : null
          ) : (
            <WrappedText text={t(LEARN_TEXT.choiceAgain)} style={theme.muted} width={width} />
          )}
        </Box>
      )}
    </Box>
  );
}
