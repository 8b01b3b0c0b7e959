// The Formula component: the content's LaTeX laid out in 2-D within the width, ASCII on request.
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { createProgressStore } from "../../src/progress";
import { Formula } from "../../src/ui/components/Formula";
import { createTrainerContext, TrainerProvider } from "../../src/ui/context";
import { COURSE } from "../engine/fixtures";
import { tick } from "./harness";

async function formula(latex: string, maxWidth: number, ascii: boolean) {
  const context = createTrainerContext({
    course: COURSE,
    progress: createProgressStore({ dataDir: null }),
    settings: { lang: "en", ascii, color: false, screenReader: false },
  });
  const instance = render(
    <TrainerProvider value={context}>
      <Formula latex={latex} maxWidth={maxWidth} />
    </TrainerProvider>,
  );
  await tick();
  return (instance.lastFrame() ?? "").split("\n").map((l) => l.trimEnd());
}

const SIGMA = String.raw`\sigma(x) = \frac{1}{1 + e^{-x}}`;

describe("Formula", () => {
  it("stacks the fraction of σ(x) with a rule, the exponent raised", async () => {
    expect(await formula(SIGMA, 40, false)).toEqual(["           1", "σ(x) = ─────────", "        1 + e⁻ˣ"]);
  });

  it("writes it in printable ASCII when the ascii setting is on", async () => {
    const lines = await formula(SIGMA, 40, true);
    expect(lines.join("\n")).toMatch(/^[\x20-\x7e\n]*$/);
    expect(lines.some((l) => l.includes("sigma(x) ="))).toBe(true);
    expect(lines.some((l) => /-{5,}/.test(l))).toBe(true);
  });

  it("stays within a narrow width", async () => {
    const source = String.raw`\sigma'(x) = \frac{e^{-x}}{(1 + e^{-x})^2} = \sigma(x)(1 - \sigma(x))`;
    for (const line of await formula(source, 20, false)) expect([...line].length).toBeLessThanOrEqual(20);
  });
});
