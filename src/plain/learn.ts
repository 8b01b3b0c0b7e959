// The course line by line (`learn --plain`, `--screen-reader`, INK_SCREEN_READER, a pipe): each
// step's text, its formulas in linear form and the rule it uses, then its check. A choice check is
// answered with the choice's number; an exercise with its value, graded by the engine exactly as
// in practice (the same commands: :hint, :skip, :help). An empty line goes on to the next step
// once the check is answered, or at once on a step without one. :quit or the end of input stops;
// the position is saved after every step, so Learn resumes there. With --json each of these is
// one event per line.
import type { ChoiceCheck } from "../content/model";
import type { Localized } from "../core/i18n";
import { renderLinearFormula } from "../core/latex";
import { start } from "../engine/session";
import { fill } from "../engine/texts";
import type { Presenter } from "./driver";
import { recordInto } from "../progress/session-steps";
import { courseSteps, type CourseStep, LEARN_EXERCISE_SEED, resumeIndex } from "../engine/course-steps";
import { toAscii } from "../core/ascii";
import { choosePresenter } from "./choose-presenter";
import { driveSession, readCommand } from "./driver";
import type { PlainFrontEndOptions } from "./run";
import { readLines } from "./line-reader";
import { PLAIN_LEARN_TEXT } from "./texts";

export type PlainLearnOptions = PlainFrontEndOptions;

/** Reads the course from where the learner left off; returns the steps read to the end (or on). */
export async function runPlainLearn(options: PlainLearnOptions): Promise<{ finished: boolean }> {
  const { course, store, lang, ascii } = options;
  const now = options.now ?? Date.now;
  const steps = courseSteps(course);
  const say = (t: Localized) => (ascii ? toAscii(t[lang]) : t[lang]);
  const { presenter, text } = choosePresenter(options, { summaryExtra: () => ({}) });
  const emit = (event: Record<string, unknown>) => options.stdout.write(`${JSON.stringify(event)}\n`);
  const note = (message: Localized) => (text ? text.line(message) : emit({ type: "notice", message: say(message) }));
  // An exercise's session ends with a summary of one question: not worth saying inside a lesson.
  const exercisePresenter: Presenter = { ...presenter, summary() {} };
  const formula = (latex: string) => renderLinearFormula(latex, { ascii });

  const raw = readLines(options.stdin, options.stop);
  let ended = false;
  const lines = {
    async next() {
      const line = await raw.next();
      if (line === null) ended = true;
      return line;
    },
    close: () => raw.close(),
  };
  const prompt = () => text?.prompt();

  const from = steps.length === 0 ? 0 : resumeIndex(steps, store.getState().lessons);
  if (text) text.line(fill(PLAIN_LEARN_TEXT.start, { total: steps.length, from: from + 1 }));
  try {
    for (let index = from; index < steps.length; index++) {
      const at = steps[index]!;
      store.getState().setLessonPosition(at.lesson.id, at.stepInLesson);
      showStep(at);
      const check = at.step.check;
      let answered = check === null;
      if (check?.kind === "choice") {
        answered = await choiceCheck(check, at);
        if (!answered) return stopAt(index);
      } else if (check?.kind === "exercise") {
        const outcome = await exercise(check.exercise);
        if (outcome === "stop") return stopAt(index);
        answered = true;
      }
      if (check) note(PLAIN_LEARN_TEXT.goOn);
      // An empty line goes on.
      for (;;) {
        prompt();
        const line = await lines.next();
        if (line === null) return stopAt(index + 1);
        if (line.trim() === "") break;
        const command = readCommand(line);
        if (command?.command === "quit") return stopAt(index + 1);
        note(answered && check ? PLAIN_LEARN_TEXT.goOn : PLAIN_LEARN_TEXT.nothingToAnswer);
      }
    }
    const chapters = course.chapters.map((c) => say(c.title)).join(lang === "ja" ? "、" : ", ");
    if (text) text.line(fill(PLAIN_LEARN_TEXT.finished, { chapters }));
    else emit({ type: "course-end", chapters: course.chapters.map((c) => say(c.title)) });
    return { finished: true };
  } finally {
    lines.close();
  }

  function stopAt(next: number): { finished: boolean } {
    const shown = Math.min(next, steps.length - 1);
    const target = steps[shown];
    if (target) store.getState().setLessonPosition(target.lesson.id, target.stepInLesson);
    if (text) text.line(fill(PLAIN_LEARN_TEXT.stopped, { n: shown + 1 }));
    else emit({ type: "stopped", next: shown + 1 });
    return { finished: false };
  }

  function showStep(at: CourseStep): void {
    const { step } = at;
    if (!text) {
      emit({
        type: "step",
        number: at.index + 1,
        total: steps.length,
        id: step.id,
        chapter: say(at.chapter.title),
        lesson: say(at.lesson.title),
        title: say(step.title),
        text: say(step.text),
        formulas: step.formulas.map(formula),
        rule: step.rule ? say(step.rule) : null,
        check:
          step.check === null
            ? null
            : step.check.kind === "choice"
              ? { kind: "choice", question: say(step.check.question), choices: step.check.choices.map(say) }
              : { kind: "exercise" },
      });
      return;
    }
    text.line("");
    text.line(fill(PLAIN_LEARN_TEXT.step, { n: at.index + 1, total: steps.length, chapter: say(at.chapter.title) }));
    text.line(`${say(at.lesson.title)} › ${say(step.title)}`);
    text.line(say(step.text));
    for (const latex of step.formulas) text.line(`  ${formula(latex)}`);
    if (step.rule) text.line(fill(PLAIN_LEARN_TEXT.rule, { rule: say(step.rule) }));
  }

  /** Asks until a choice is given; false when the learner stops (end of input, :quit). */
  async function choiceCheck(check: ChoiceCheck, at: CourseStep): Promise<boolean> {
    if (text) {
      text.line(fill(PLAIN_LEARN_TEXT.check, { question: say(check.question) }));
      check.choices.forEach((choice, i) => {
        text.line(`  ${i + 1}. ${say(choice)}`);
      });
    }
    for (;;) {
      prompt();
      const line = await lines.next();
      if (line === null) return false;
      const command = readCommand(line);
      if (command?.command === "quit") return false;
      if (command?.command === "skip") return true;
      const typed = line.trim().normalize("NFKC");
      const chosen = /^\d+$/.test(typed) ? Number(typed) - 1 : -1;
      if (chosen < 0 || chosen >= check.choices.length) {
        note(line.trim() === "" ? PLAIN_LEARN_TEXT.answerFirst : fill(PLAIN_LEARN_TEXT.pickNumber, { n: check.choices.length }));
        continue;
      }
      const right = chosen === check.answer;
      store.getState().recordChoice(at.lesson.id, at.step.id, chosen, right);
      const sentence = check.feedback?.[chosen];
      if (text) {
        text.line(
          right ? PLAIN_LEARN_TEXT.right : fill(PLAIN_LEARN_TEXT.wrong, { n: check.answer + 1, choice: say(check.choices[check.answer]!) }),
        );
        if (sentence) text.line(sentence);
        text.line(check.explanation);
      } else {
        emit({
          type: "choice",
          chosen: chosen + 1,
          correct: right,
          answer: check.answer + 1,
          feedback: sentence ? say(sentence) : null,
          explanation: say(check.explanation),
        });
      }
      return true;
    }
  }

  /** One exercise, asked and graded as in practice, saved as an answer given while learning. */
  async function exercise(templateId: string): Promise<"done" | "stop"> {
    const first = start(
      {
        mode: "practice",
        course,
        queue: [{ templateId, reason: "new" }],
        count: 1,
        seed: LEARN_EXERCISE_SEED,
        hintsAllowed: true,
        retryAllowed: true,
      },
      now(),
    );
    let quit = false;
    const presenter: Presenter = {
      ...exercisePresenter,
      summary(summary) {
        quit = summary.quit;
      },
    };
    await driveSession(first, lines, presenter, {
      now,
      // Inside a lesson the schedule is not the point: no "comes back in" line.
      record: recordInto(store, "learn", () => new Date(now()), false),
    });
    return ended || quit ? "stop" : "done";
  }
}
