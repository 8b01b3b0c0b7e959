// Counting graded answers by verdict and by recognised mistake: a session's summary and the
// instructor's report count the same way.

export interface AnswerTally {
  attempts: number;
  correct: number;
  imprecise: number;
  /** Every other verdict. */
  incorrect: number;
  /** Answers per recognised mistake id. */
  mistakes: Record<string, number>;
}

export function tallyAnswers(answers: Iterable<{ verdict: string; mistake: string | null }>): AnswerTally {
  const tally: AnswerTally = { attempts: 0, correct: 0, imprecise: 0, incorrect: 0, mistakes: {} };
  for (const { verdict, mistake } of answers) {
    tally.attempts++;
    if (verdict === "correct") tally.correct++;
    else if (verdict === "imprecise") tally.imprecise++;
    else tally.incorrect++;
    if (mistake) tally.mistakes[mistake] = (tally.mistakes[mistake] ?? 0) + 1;
  }
  return tally;
}
