// serve's and report --server's usage errors: each says what was wrong in one line and exits 2,
// before any database is opened or any address is asked.
import { describe, expect, it } from "vitest";
import { runMain as run } from "../support/main-in-process";

describe("serve and report --server usage", () => {
  const cases: [string[], string][] = [
    [["serv"], 'unknown command "serv"; did you mean "serve"?'],
    [["serve", "--port", "99999"], 'serve: --port takes 0 to 65535, got "99999"'],
    [["serve", "--feedback", "later"], 'serve: --feedback takes now or end, got "later"'],
    [["serve", "--resume", "abc"], 'serve: --resume takes a session code of 8 characters (0-9, A-Z without I, L, O, U), got "abc"'],
    [["serve", "--resume", "ABCDEFGH", "--seed", "3"], "serve: --resume goes on with the session's own quiz; drop --seed"],
    [
      ["serve", "--config", "x.yaml", "--count", "3"],
      "serve: --count cannot be used with --config; the session file sets the quiz (change it there, or drop --config)",
    ],
    [["serve", "--export", " "], "serve: --export needs a directory"],
    [["serve", "extra"], 'serve: unexpected argument "extra"'],
    [["report", "--server", "http://127.0.0.1:9"], "report: --server needs --token T (the instructor token serve printed)"],
    [
      ["report", "--server", "http://127.0.0.1:9", "--token", "t", "file.json"],
      "report: --server reads the session's results from the server; give no files with it",
    ],
    [["report", "--server", "ftp://x", "--token", "t"], 'report: --server takes an http:// or https:// address, got "ftp://x"'],
  ];
  for (const [argv, message] of cases) {
    it(argv.join(" "), async () => {
      const r = await run(argv);
      expect(r.stderr).toBe(`sigmoid-trainer: ${message}\nTry 'sigmoid-trainer --help'.\n`);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
    });
  }

  it("--help lists serve and report --server", async () => {
    const r = await run(["--help"]);
    expect(r.stdout).toContain("sigmoid-trainer serve [quiz options | --config FILE]");
    expect(r.stdout).toContain("sigmoid-trainer report --server URL --token T");
  });
});
