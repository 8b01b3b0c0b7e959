// The dashboard's live stream over a real socket: a snapshot at once, then a new one after a
// learner's answer, with the learner's place in it.
import type { AddressInfo } from "node:net";
import { expect, it } from "vitest";
import { rightAnswerFor } from "../support/server-answers";
import { type TestDatabase, describeOnEachDatabase } from "../support/server-db";
import { startTestServer } from "../support/server";

let database: TestDatabase;

/** Reads server-sent events from a fetch body, one `{event, data}` at a time. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return async function next(): Promise<{ event: string; data: string }> {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(":")) continue;
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? "";
        return { event, data };
      }
      const { done, value } = await reader.read();
      if (done) throw new Error("the stream ended");
      buffer += decoder.decode(value, { stream: true });
    }
  };
}

describeOnEachDatabase(
  "the dashboard's event stream",
  (opened) => (database = opened),
  () => {
    it("sends a snapshot, then a new one when a learner answers", async () => {
      const server = await startTestServer(database.db);
      const code = server.session.code;
      await server.app.listen({ host: "127.0.0.1", port: 0 });
      const address = server.app.server.address() as AddressInfo;
      const abort = new AbortController();
      try {
        const response = await fetch(`http://127.0.0.1:${address.port}/api/sessions/${code}/events`, {
          headers: server.instructorHeaders(),
          signal: abort.signal,
        });
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toContain("text/event-stream");
        expect(response.headers.get("access-control-allow-origin")).toBeNull();
        const next = eventReader(response.body!);
        const first = await next();
        expect(first.event).toBe("snapshot");
        expect(JSON.parse(first.data)).toMatchObject({ session: { code, state: "open" }, learners: [] });

        const token = await server.join("Aiko");
        const joined = JSON.parse((await next()).data);
        expect(joined.learners.map((l: { name: string }) => l.name)).toEqual(["Aiko"]);

        const replay = (await server.session.learners(server.clock.now))[0]!.replay;
        await server.act(token, "answer", rightAnswerFor(replay.state));
        let model = JSON.parse((await next()).data);
        // A snapshot may still show the moment before the answer when the two came close together.
        while (model.learners[0].question === 1 && model.learners[0].part === 0) {
          model = JSON.parse((await next()).data);
        }
        expect(model.learners[0]).toMatchObject({ name: "Aiko", connected: true, finished: false, stuck: false });
      } finally {
        abort.abort();
        await server.stop();
        await server.app.close();
      }
    });
  },
);
