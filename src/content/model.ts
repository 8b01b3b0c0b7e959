// The course model the loader produces from content/*.yaml. Everything downstream (engine,
// plain mode, screens, reports) reads these types, never the YAML.
import type { Localized } from "../core/i18n";
import type { QuantityId } from "../core/quantities";
import type { MistakeId, ParamSpec } from "../core/types";

export type { ParamSpec };

/** Where a thing was written, for messages (1-based line and column). */
export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

export interface ChoiceCheck {
  kind: "choice";
  question: Localized;
  choices: readonly Localized[];
  /** Index into choices. */
  answer: number;
  /** Shown after any answer, below the verdict. */
  explanation: Localized;
  /**
   * One sentence per choice, same order as `choices`, shown when that choice is picked: for a
   * wrong one, the mistake behind it and how to tell next time. Absent when the author wrote none
   * (the loader guarantees one per choice otherwise).
   */
  feedback?: readonly Localized[];
}

export interface ExerciseCheck {
  kind: "exercise";
  /** Id of an exercise template, asked with a fixed seed so everyone sees the same numbers. */
  exercise: string;
}

export type StepCheck = ChoiceCheck | ExerciseCheck;

export interface Step {
  id: string;
  title: Localized;
  text: Localized;
  /** Formulas in the LaTeX subset (src/core/latex), shown after the text, in order. */
  formulas: readonly string[];
  /** The rule this step uses, named (e.g. chain rule), when it uses one. */
  rule: Localized | null;
  check: StepCheck | null;
  pos: SourcePos;
}

export interface Lesson {
  id: string;
  title: Localized;
  steps: readonly Step[];
  pos: SourcePos;
}

export interface Chapter {
  id: string;
  title: Localized;
  lessons: readonly string[];
}

export interface Skill {
  id: string;
  title: Localized;
}

export interface ExercisePart {
  quantity: QuantityId;
  digits: number;
  prompt: Localized;
  /**
   * For a `derivative` part that follows a `sigmoid` part: also grade against s(1 − s)
   * computed from the learner's own s, so one slip is not punished twice.
   */
  carryFrom: number | null;
}

export interface ExerciseTemplate {
  /** Stable id: progress is keyed by it, so it never changes when text is fixed. */
  id: string;
  skill: string;
  /** Lesson step this drills, for "where does the group struggle". */
  step: string | null;
  params: Readonly<Record<string, ParamSpec>>;
  /** Intermediate values given to the learner with the prompt (e.g. e_neg_x), by name. */
  given: readonly string[];
  /** "x" when σ′ is worked from e^(−x) (Step 3's form), where 1 − σ(x) is diagnosed as forgot-square. */
  form?: "x" | "sigma";
  /** The prompt says the answer is a whole number: "2" is then exact, not one figure. */
  wholeNumber?: boolean;
  /** One part, or several sharing the params (errors carried forward between them). */
  parts: readonly ExercisePart[];
  /**
   * Hints in stages: nudge, rule, intermediate value. Text may use {name} or {name:N}
   * placeholders (N significant figures) for params and intermediates.
   */
  hints: readonly Localized[];
  /** Worked solution with placeholders, shown after a wrong answer or the last hint. */
  solution: Localized;
  /** Replaces the default sentence for a mistake id, for this template only. */
  feedback: Readonly<Partial<Record<MistakeId, Localized>>>;
  pos: SourcePos;
}

export interface Course {
  id: string;
  /** Changes when content changes; seeds and result files are tied to it. */
  version: string;
  title: Localized;
  chapters: readonly Chapter[];
  skills: readonly Skill[];
  lessons: ReadonlyMap<string, Lesson>;
  exercises: ReadonlyMap<string, ExerciseTemplate>;
}
