// The session as a reducer: `start`, then `answer` / `hint` / `skip` / `retry` / `quit`, each a
// pure function of the previous state (and the time, passed in) that returns the next state
// and the events to show. Nothing here does I/O: the driver saves every `graded` attempt
// before it acts on the events after it, so a graded answer is on disk before the next
// question appears.
import type { Localized } from "../core/i18n";
import { showShortest } from "../core/number-format";
import { tallyAnswers } from "../core/tally";
import { carriedExpected } from "./carry";
import { type PartGrade, gradePart } from "./grade";
import { planSession } from "./plan";
import { instantiateQuestion } from "./question";
import { ENGINE_TEXT, fill } from "./texts";
import type {
  GradedAttempt,
  CarriedForward,
  CurrentQuestion,
  EngineEvent,
  Feedback,
  PlannedQuestion,
  QuestionCause,
  QuestionView,
  SessionConfig,
  SessionState,
  SkipRecord,
  Step,
  Summary,
} from "./types";

export function start(config: SessionConfig, now: number): Step {
  const { queue, ...rest } = config;
  const plan = planSession(config.course, queue, config.count, config.seed);
  const state: SessionState = {
    config: rest,
    plan,
    current: null,
    attempts: [],
    skipped: [],
    retryable: null,
    finished: false,
    startedAt: now,
  };
  return advanceTo(state, 0, now, [], "next-question");
}

/** The learner's answer to the current part. Invalid input changes nothing but the message. */
export function answer(state: SessionState, input: string, now: number): Step {
  const current = state.current;
  if (state.finished || !current) return { state, events: [] };
  const part = current.instance.parts[current.part]!;
  const grade = gradePart(current.instance, current.part, current.answers, input);
  const feedback = feedbackFor(current, grade, input);
  if (grade.result.verdict === "invalid") {
    return { state, events: [{ type: "feedback", feedback, canRetry: false }] };
  }
  const attempt: GradedAttempt = {
    templateId: current.instance.templateId,
    skill: current.instance.skill,
    step: current.instance.step,
    part: current.part,
    parts: current.instance.parts.length,
    quantity: part.quantity,
    variantSeed: current.instance.variantSeed,
    params: current.instance.params,
    answer: input,
    verdict: grade.result.verdict,
    parsed: grade.result.parsed,
    expected: grade.result.expected,
    diagnosis: grade.result.diagnosis,
    carried: grade.carried !== null,
    hintsUsed: current.hintsShown,
    solutionSeen: current.hintsShown >= hintStages(current),
    reason: state.plan[current.index]!.reason,
    index: current.index,
    askedAt: current.askedAt,
    answeredAt: now,
    durationMs: Math.max(0, now - current.askedAt),
  };
  const answers = current.answers.map((a, i) => (i === current.part ? { verdict: grade.result.verdict, parsed: grade.result.parsed } : a));
  const graded: SessionState = { ...state, attempts: [...state.attempts, attempt] };
  if (current.part + 1 < current.instance.parts.length) {
    const next: CurrentQuestion = { ...current, part: current.part + 1, answers, askedAt: now, touched: true };
    const nextState = { ...graded, current: next };
    return {
      state: nextState,
      events: [
        { type: "graded", attempt },
        { type: "feedback", feedback, canRetry: false },
        { type: "question", question: viewOf(nextState, next), cause: "next-part" },
      ],
    };
  }
  const missed = answers.some((a) => a !== null && a.verdict !== "correct");
  const retryable = missed && state.config.retryAllowed ? current.index : null;
  const finishedQuestion: SessionState = { ...graded, retryable };
  const events: EngineEvent[] = [
    { type: "graded", attempt },
    { type: "feedback", feedback, canRetry: retryable !== null },
  ];
  return advanceTo(finishedQuestion, current.index + 1, now, events, "next-question");
}

/** The next hint stage: nudge, rule, intermediate value, ..., and last the worked solution. */
export function hint(state: SessionState): Step {
  const current = state.current;
  if (state.finished || !current) return { state, events: [] };
  if (!state.config.hintsAllowed) {
    return { state, events: [{ type: "notice", message: ENGINE_TEXT.hintsOff }] };
  }
  const stages = hintStages(current);
  if (current.hintsShown >= stages) {
    return { state, events: [{ type: "notice", message: ENGINE_TEXT.noMoreHints }] };
  }
  const stage = current.hintsShown + 1;
  const isSolution = stage === stages;
  const text = isSolution ? current.instance.solution : current.instance.hints[stage - 1]!;
  const next: CurrentQuestion = { ...current, hintsShown: stage, touched: true };
  return {
    state: { ...state, current: next, retryable: null },
    events: [{ type: "hint", stage, stages, text, solution: isSolution }],
  };
}

/** Leaves the current question (all its remaining parts) unanswered and moves on. */
export function skip(state: SessionState, now: number): Step {
  const current = state.current;
  if (state.finished || !current) return { state, events: [] };
  const record: SkipRecord = {
    templateId: current.instance.templateId,
    skill: current.instance.skill,
    variantSeed: current.instance.variantSeed,
    params: current.instance.params,
    part: current.part,
    hintsUsed: current.hintsShown,
    reason: state.plan[current.index]!.reason,
    index: current.index,
    at: now,
  };
  const part = current.instance.parts[current.part]!;
  const expected = part.formula ?? part.expected;
  const skipped: SessionState = { ...state, skipped: [...state.skipped, record], retryable: null };
  return advanceTo(
    skipped,
    current.index + 1,
    now,
    [{ type: "skipped", skip: record, expected, digits: part.digits, solution: current.instance.solution }],
    "next-question",
  );
}

/**
 * Asks the question just missed again, with the same numbers, before the current one. Allowed
 * right after the miss, while nothing has been done on the question that followed it.
 */
export function retry(state: SessionState, now: number): Step {
  if (!state.config.retryAllowed || state.retryable === null) {
    return { state, events: [{ type: "notice", message: ENGINE_TEXT.nothingToRetry }] };
  }
  if (state.current?.touched) {
    return { state, events: [{ type: "notice", message: ENGINE_TEXT.nothingToRetry }] };
  }
  const missed = state.plan[state.retryable]!;
  const at = state.current ? state.current.index : state.plan.length;
  const again: PlannedQuestion = { ...missed, reason: "retry" };
  const plan = [...state.plan.slice(0, at), again, ...state.plan.slice(at)];
  return advanceTo({ ...state, plan, retryable: null, finished: false }, at, now, [], "retry");
}

/** Ends the session where it stands (`:quit`, or the end of input). */
export function quit(state: SessionState, now: number): Step {
  if (state.finished) return { state, events: [] };
  const summary = summarize(state, now, true);
  return { state: { ...state, finished: true, current: null }, events: [{ type: "summary", summary }] };
}

export function summarize(state: SessionState, now: number, quitEarly: boolean): Summary {
  const { correct, imprecise, incorrect, mistakes } = tallyAnswers(
    state.attempts.map((a) => ({ verdict: a.verdict, mistake: a.diagnosis })),
  );
  const carried = state.attempts.filter((a) => a.carried).length;
  const finishedQuestions = new Set(state.attempts.filter((a) => a.part === a.parts - 1).map((a) => a.index)).size;
  const hintsByQuestion = new Map<number, number>();
  for (const a of state.attempts) hintsByQuestion.set(a.index, Math.max(hintsByQuestion.get(a.index) ?? 0, a.hintsUsed));
  for (const s of state.skipped) hintsByQuestion.set(s.index, Math.max(hintsByQuestion.get(s.index) ?? 0, s.hintsUsed));
  // Hints on the question left open when the learner quit count too.
  const open = state.current;
  if (open) hintsByQuestion.set(open.index, Math.max(hintsByQuestion.get(open.index) ?? 0, open.hintsShown));
  let hintsUsed = 0;
  for (const n of hintsByQuestion.values()) hintsUsed += n;
  return {
    questions: state.plan.length,
    finished: finishedQuestions,
    attempts: state.attempts.length,
    correct,
    imprecise,
    incorrect,
    carried,
    skipped: state.skipped.length,
    hintsUsed,
    mistakes,
    quit: quitEarly,
    durationMs: Math.max(0, now - state.startedAt),
  };
}

/** The question (part) being asked, for screens that render from state rather than events. */
export function currentView(state: SessionState): QuestionView | null {
  return state.current ? viewOf(state, state.current) : null;
}

export function hintStages(current: CurrentQuestion): number {
  return current.instance.hints.length + 1;
}

function advanceTo(state: SessionState, index: number, now: number, events: EngineEvent[], cause: QuestionCause): Step {
  const planned = state.plan[index];
  if (!planned) {
    const finished: SessionState = { ...state, current: null, finished: true };
    return { state: finished, events: [...events, { type: "summary", summary: summarize(finished, now, false) }] };
  }
  const made = instantiateQuestion(state.config.course, planned);
  if (!made.ok) {
    // Validation makes this rare (a template whose ranges leave no variant clear of the
    // traps); say so and go on rather than end the learner's session.
    const notice: EngineEvent = { type: "notice", message: fill(ENGINE_TEXT.cannotAsk, { id: planned.templateId, problem: made.problem }) };
    return advanceTo(state, index + 1, now, [...events, notice], cause);
  }
  const { instance } = made;
  const current: CurrentQuestion = {
    index,
    instance,
    part: 0,
    hintsShown: 0,
    answers: instance.parts.map(() => null),
    askedAt: now,
    touched: false,
  };
  const next: SessionState = { ...state, current, finished: false };
  return { state: next, events: [...events, { type: "question", question: viewOf(next, current), cause }] };
}

function viewOf(state: SessionState, current: CurrentQuestion): QuestionView {
  const part = current.instance.parts[current.part]!;
  return {
    number: current.index + 1,
    total: state.plan.length,
    templateId: current.instance.templateId,
    skill: current.instance.skill,
    quantity: part.quantity,
    part: current.part,
    parts: current.instance.parts.length,
    params: current.instance.params,
    digits: part.digits,
    prompt: part.prompt,
    given: current.part === 0 ? current.instance.given : [],
    reason: state.plan[current.index]!.reason,
    hintStages: hintStages(current),
    hintsShown: current.hintsShown,
  };
}

function feedbackFor(current: CurrentQuestion, grade: PartGrade, input: string): Feedback {
  const { result } = grade;
  // The checker has already put the template's own sentence for a recognised mistake in place.
  const message: Localized = grade.carried ? carriedMessage(grade.carried, grade) : result.message;
  // The worked solution covers every part, so it waits for the last one: shown after a miss
  // in part 1 it would give away part 2. It comes when any part of the question was missed.
  const missedHere = result.verdict === "incorrect" || result.verdict === "imprecise";
  const lastPart = current.part === current.instance.parts.length - 1;
  const missedBefore = current.answers.some((a, i) => i !== current.part && a !== null && a.verdict !== "correct");
  const missed = lastPart && (missedHere || missedBefore) && result.verdict !== "invalid";
  return {
    templateId: current.instance.templateId,
    part: current.part,
    parts: current.instance.parts.length,
    answer: input,
    verdict: result.verdict,
    expected: result.expected,
    digits: grade.digits,
    parsed: result.parsed,
    readAs: result.readAs,
    diagnosis: result.diagnosis,
    message,
    carried: grade.carried,
    solution: missed ? current.instance.solution : null,
    solutionSeen: current.hintsShown >= hintStages(current),
    position: result.position,
  };
}

function carriedMessage(carried: CarriedForward, grade: PartGrade): Localized {
  const template = carried.fromQuantity === "sigmoid" ? ENGINE_TEXT.carriedSigma : ENGINE_TEXT.carriedValue;
  return fill(template, {
    // The learner's own number as they gave it (0.7, not 0.700).
    learner: showShortest(carried.learnerValue),
    carried: grade.format(carried.carriedExpected),
    expected: typeof grade.result.expected === "number" ? grade.format(grade.result.expected) : grade.result.expected,
  });
}

export { carriedExpected };
