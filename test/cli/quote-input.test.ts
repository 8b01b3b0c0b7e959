// What calc and check quote back from bad input: short, and with no control characters that a
// terminal would act on.
import { describe, expect, it } from "vitest";
import { QUOTE_LIMIT, quoteInput } from "../../src/cli/quote";
import { runCli } from "../support/cli";

describe("quoteInput", () => {
  it("keeps short input as typed and names control characters", () => {
    expect(quoteInput("0.8x")).toBe("0.8x");
    expect(quoteInput("\u001b[31mred")).toBe("U+001B[31mred");
  });

  it("cuts long input and says how long it was", () => {
    const quoted = quoteInput("9".repeat(2_000_000));
    expect(quoted).toBe(`${"9".repeat(QUOTE_LIMIT)}… (2000000 characters)`);
  });
});

describe("calc with bad input on stdin", () => {
  it("does not echo a 2 MB line back on stderr, nor an escape sequence", async () => {
    const long = await runCli(["calc"], { input: `${"9".repeat(2_000_000)}x\n`, env: { LANG: "C.UTF-8" } });
    expect(long.code).toBe(2);
    expect(long.stderr.length).toBeLessThan(400);
    expect(long.stderr).toContain("calc: line 1:");
    const withEscape = await runCli(["calc"], { input: "2\n\u001b[2Jx\n", env: { LANG: "C.UTF-8" } });
    expect(withEscape.code).toBe(2);
    expect(withEscape.stderr).toContain('calc: line 2: "U+001B[2Jx" is not a number');
    expect(withEscape.stderr).not.toContain("\u001b");
  });
});
