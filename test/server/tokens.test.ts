// Tokens are secrets the instructor and the learners' clients pass around, the instructor's on
// command lines: `report --server URL --token T`.
import { describe, expect, it } from "vitest";
import { runMain } from "../support/main-in-process";
import { newToken } from "../../src/server/tokens";

describe("newToken", () => {
  it("gives 43 random base64url characters that never begin with '-' (read as an option on a command line)", () => {
    const tokens = Array.from({ length: 5000 }, newToken);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{42}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("is needed: a token beginning with '-' after --token is taken for an option", async () => {
    const run = await runMain(["report", "--server", "http://127.0.0.1:9", "--token", "-abc"]);
    expect(run.code).toBe(2);
  });
});
