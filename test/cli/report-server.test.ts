// report --server reads from someone else's server: its answer is bounded, escaped before it
// reaches the terminal, and a refusal is said in one line.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/cli/io";
import { fetchServerReport, MAX_REPORT_BYTES, serverBase } from "../../src/cli/report-server";

let server: Server;
let base = "";
let report: () => { status: number; body: string | Buffer } = () => ({ status: 200, body: "" });

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/api/session") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ type: "session", session: "ABCDEFGH" }));
      return;
    }
    const { status, body } = report();
    response.writeHead(status, { "content-type": "text/plain", "x-sigmoid-trainer-learners": "1" });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const TOKEN = "t".repeat(43);

describe("report --server", () => {
  it("takes the base, join or dashboard address", () => {
    for (const url of ["http://h:8080", "http://h:8080/", "http://h:8080/j/ABCDEFGH", "http://h:8080/dashboard"]) {
      expect(serverBase(url).toString()).toBe("http://h:8080/");
    }
    expect(() => serverBase("ftp://h")).toThrow(/http/);
    expect(() => serverBase("not a url")).toThrow(/address/);
  });

  it("prints the report with control characters escaped, CSV line ends kept", async () => {
    report = () => ({ status: 200, body: "name,score\r\n\u001b[31mEve\u202E,1\r\n" });
    const got = await fetchServerReport(base, TOKEN, "csv", "en");
    expect(got.text).toBe("name,score\r\n\\x1B[31mEve\\u202E,1\r\n");
    expect(got.learners).toBe(1);
  });

  it("refuses an answer larger than the bound, and says so", async () => {
    report = () => ({ status: 200, body: Buffer.alloc(MAX_REPORT_BYTES + 1, 0x41) });
    await expect(fetchServerReport(base, TOKEN, "md", "en")).rejects.toThrow(/larger than 16 MiB/);
  });

  it("says when the token is refused", async () => {
    report = () => ({ status: 401, body: '{"error":"unauthorized","message":"wrong token"}' });
    const error = await fetchServerReport(base, TOKEN, "md", "en").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe("report: the server refused the token (give the instructor token serve printed)");
  });

  it("says when nothing answers", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchServerReport(`http://127.0.0.1:${port}`, TOKEN, "md", "en")).rejects.toThrow(
      `report: cannot reach the server at 127.0.0.1:${port}: ECONNREFUSED`,
    );
  });
});
