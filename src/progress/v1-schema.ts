// Format 1's progress.json as zod schemas: the specification of what the import accepts. Not
// loaded by the trainer (zod costs 25–30 ms of every start): v1-shapes.ts checks the same shapes
// by hand, and test/progress/event-shapes.test.ts proves the two agree.
import { z } from "zod";

export const v1Attempt = z.object({
  template: z.string().min(1),
  skill: z.string().min(1),
  seed: z.number().int(),
  answer: z.string(),
  correct: z.boolean(),
  hintsUsed: z.number().int().min(0),
  seconds: z.number().min(0),
  date: z.iso.datetime({ offset: true }),
});

export const v1File = z.object({
  version: z.literal(1),
  state: z.object({
    attempts: z.array(z.unknown()),
    lessons: z.record(z.string(), z.number().int().min(0)).default({}),
    lang: z.enum(["ja", "en"]).nullable().default(null),
  }),
});

export type V1Attempt = z.infer<typeof v1Attempt>;
export type V1File = z.infer<typeof v1File>;
