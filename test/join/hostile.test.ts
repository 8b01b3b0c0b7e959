// A server is someone else's machine: the join address is read strictly, every answer's body is
// bounded and shape-checked, a silent server times out, and a server's texts never reach the
// terminal with control characters in them.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backoffMs, GIVE_UP_AFTER_MS } from "../../src/join/client";
import { HostileAnswerError, requestJson, UnreachableError } from "../../src/join/http";
import { parseJoinUrl } from "../../src/join/url";
import { readEvents, ShapeError } from "../../src/join/wire";
import { FakeServer } from "./fake-server";
import { joinRun } from "./harness";

describe("the join address", () => {
  it("takes http://host:port/j/CODE, upper-casing the code", () => {
    expect(parseJoinUrl("http://127.0.0.1:4999/j/abcd2345")).toEqual({
      ok: true,
      url: { origin: "http://127.0.0.1:4999", code: "ABCD2345" },
    });
    expect(parseJoinUrl(" https://room.example:8443/j/ABCD2345/ ")).toMatchObject({ ok: true, url: { code: "ABCD2345" } });
  });

  it.each([
    ["", /empty/],
    ["not a url", /not an address/],
    ["ftp://h/j/ABCD2345", /http:\/\/ or https:\/\//],
    ["http://u:p@h/j/ABCD2345", /user name or password/],
    ["http://h/j/ABCD2345?x=1", /query/],
    ["http://h/dashboard", /path must be \/j\/CODE/],
    ["http://h/j/ABCD", /not a session code/],
    ["http://h/j/ABCDI345", /not a session code/],
    ["http://h/j/%E0%A4%A", /not a session code/],
  ])("refuses %j, saying what is wrong", (text, problem) => {
    const read = parseJoinUrl(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(problem);
  });

  it("never throws and never quotes a control character back (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        const read = parseJoinUrl(text);
        if (!read.ok) expect(read.problem).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
      }),
    );
  });
});

describe("backoff", () => {
  it("starts at 0.5 s and doubles to 5 s, with at most ±20 % jitter (property)", () => {
    fc.assert(
      fc.property(fc.nat(50), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, r) => {
        const base = Math.min(5000, 500 * 2 ** attempt);
        const wait = backoffMs(attempt, () => r);
        expect(wait).toBeGreaterThanOrEqual(base * 0.8 - 1);
        expect(wait).toBeLessThanOrEqual(base * 1.2 + 1);
      }),
    );
    expect(GIVE_UP_AFTER_MS).toBeGreaterThanOrEqual(120_000);
  });
});

describe("answers' shapes", () => {
  it("refuses events of the wrong shape as a whole, naming the field", () => {
    expect(() => readEvents({ events: [{ type: "question", question: { number: "1" } }] })).toThrow(ShapeError);
    expect(() => readEvents({ events: [{ type: "launch-missiles" }] })).toThrow(/events\[0\]\.type/);
    expect(() => readEvents({ events: [{ type: "notice", message: { ja: "x" } }] })).toThrow(/message\.en/);
    expect(() => readEvents({ events: Array.from({ length: 1000 }, () => ({ type: "notice", message: { ja: "", en: "" } })) })).toThrow(
      ShapeError,
    );
    expect(() => readEvents([])).toThrow(ShapeError);
  });

  it("never throws anything but a ShapeError on arbitrary JSON (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          readEvents({ events: [value] });
        } catch (error) {
          expect(error).toBeInstanceOf(ShapeError);
        }
      }),
    );
  });
});

describe("the client against a hostile machine", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === "/huge") {
        response.writeHead(200, { "content-type": "application/json" });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const more = () => {
          while (sent < 4 * 1024 * 1024) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once("drain", more);
          }
          response.end("{}");
        };
        more();
      } else if (request.url === "/silent") {
        // Accepts and never answers.
      } else {
        response.writeHead(200, { "content-type": "application/json" });
        response.end("<html>not json</html>");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("cuts off a body over the bound without holding it", async () => {
    await expect(requestJson(fetch as never, `${base}/huge`, { method: "GET", maxBytes: 1024 * 1024 })).rejects.toThrow(HostileAnswerError);
  });

  it("gives up on a server that accepts and says nothing (counted as unreachable, so retried)", async () => {
    await expect(requestJson(fetch as never, `${base}/silent`, { method: "GET", timeoutMs: 200 })).rejects.toThrow(UnreachableError);
  });

  it("refuses a body that is not JSON", async () => {
    await expect(requestJson(fetch as never, `${base}/page`, { method: "GET" })).rejects.toThrow(/not JSON/);
  });

  it("a quiz against a server sending escape sequences shows them as visible escapes, and exits 1 on a wrong shape", async () => {
    const fake = new FakeServer();
    const hostileQuestion = {
      events: [
        {
          type: "notice",
          message: { ja: "\u001b[2J\u202eevil", en: "\u001b[2J\u202eevil" },
        },
      ],
    };
    let calls = 0;
    const run = joinRun({
      json: false,
      fetch: async (url, init) => {
        if (url.endsWith("/state")) return new Response(JSON.stringify(hostileQuestion), { status: 200 });
        if (url.endsWith("/actions") && calls++ === 0)
          return new Response(JSON.stringify({ events: [{ type: "question" }] }), { status: 200 });
        return fake.fetch(url, init);
      },
    });
    await run.lines(3);
    run.stdin.write("0.5\n");
    expect(await run.done).toBe(1);
    const shown = run.out.join("\n");
    expect(shown).toContain("\\x1B[2J\\u202Eevil");
    expect(shown).not.toMatch(/\u001b|\u202e/);
    expect(run.err.join("")).toMatch(/not a session server's .*events\[0\]\.question/);
  });
});
