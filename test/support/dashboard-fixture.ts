// The dashboard page without the real server: its static files straight from src/server/dashboard,
// under the same Content-Security-Policy the server sends, and an event stream the test feeds with
// dashboard models (the shape in docs/live-sessions.md, "The dashboard model").
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { DashboardLearner, DashboardModel } from "../../src/server/dashboard-model";
import { ROOT } from "./cli";

export const DASHBOARD_DIR = join(ROOT, "src/server/dashboard");
export const FIXTURE_CODE = "7K3QX9ZD";

/** The server's dashboard model, as the page gets it in each snapshot. */
export type FixtureModel = DashboardModel;
type FixtureLearner = DashboardLearner;

export const HOSTILE_HTML_NAME = "<img src=x onerror=alert(1)>";
/** "Bob" written with a right-to-left override: shown raw it would read "boB" and reverse what follows. */
export const BIDI_NAME = "\u202EboB";

const NOW = Date.parse("2026-12-03T10:10:00.000Z");
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

/** A session of 4 questions in Japanese: four learners, one of them stuck for 3 minutes. */
export function fixtureModel(): FixtureModel {
  return {
    session: {
      code: FIXTURE_CODE,
      lang: "ja",
      count: 4,
      feedback: "now",
      hintsAllowed: true,
      timeLimitMinutes: 30,
      startedAt: ago(600),
      state: "open",
      seed: 2024,
      paused: false,
      pausedSince: null,
      extendedMinutes: 0,
    },
    learners: [
      learner("Aiko", { question: 3, part: 1, since: ago(20), answered: 2, right: 2, results: ["correct", "correct", null, null] }),
      learner("Kenji", { question: 2, since: ago(180), stuck: true, answered: 1, right: 0, results: ["incorrect", null, null, null] }),
      learner(HOSTILE_HTML_NAME, { question: 4, since: ago(5), answered: 3, right: 1, results: ["correct", "skipped", "imprecise", null] }),
      learner(BIDI_NAME, {
        connected: false,
        finished: true,
        question: null,
        since: null,
        answered: 4,
        right: 3,
        results: ["correct", "correct", "incorrect", "correct"],
      }),
    ],
    questions: [
      question(1, "σ(x) の値", "The value of σ(x)", "σ(x) = 1/(1 + e^(−x))", 4, 4),
      question(2, "σ′(x) の値", "The value of σ′(x)", "σ′(x) = σ(x)(1 − σ(x))", 3, 2),
      question(3, "σ から σ′", "σ′ from σ", "σ′(x) = σ(x)(1 − σ(x))", 2, 0, 2),
      question(4, "ロジット", "The logit", null, 1, 1),
    ],
    mistakes: [
      {
        id: "sigma-for-derivative",
        count: 2,
        learners: ["Kenji", HOSTILE_HTML_NAME],
        label: { ja: "σ′ の代わりに σ を答えています", en: "σ given instead of σ′" },
      },
      { id: "one-minus-sigma", count: 1, learners: [BIDI_NAME], label: { ja: "1 − σ だけを答えています", en: "1 − σ alone" } },
    ],
    steps: [
      { step: "beautiful-form", title: { ja: "Step 4: きれいな形にする", en: "Step 4: The beautiful form" }, answered: 5, wrong: 3 },
      { step: "definition", title: { ja: "Step 1: シグモイド関数の定義", en: "Step 1: The definition" }, answered: 4, wrong: 0 },
      { step: "unused", title: { ja: "未使用", en: "Unused" }, answered: 0, wrong: 0 },
    ],
    now: new Date(NOW).toISOString(),
  };
}

function learner(name: string, fields: Partial<FixtureLearner>): FixtureLearner {
  // Everyone joined 10 minutes ago with a 30-minute limit, except Kenji, who joined 5 minutes ago.
  const deadline = name === "Kenji" ? ago(300 - 1800) : ago(600 - 1800);
  return {
    name,
    deadline,
    connected: true,
    finished: false,
    question: 1,
    part: 0,
    since: null,
    stuck: false,
    answered: 0,
    right: 0,
    results: [],
    ...fields,
  };
}

function question(number: number, ja: string, en: string, formula: string | null, answered: number, right: number, parts = 1) {
  return {
    number,
    templateId: `t${number}`,
    skill: "derivative-value",
    step: "beautiful-form",
    parts,
    prompt: { ja: `${ja}を求めてください。`, en: `Find ${en.toLowerCase()}.` },
    formula: formula === null ? null : { ja: formula, en: formula },
    answered,
    right,
  };
}

const TYPES: Record<string, string> = {
  "dashboard.css": "text/css; charset=utf-8",
  "dashboard.js": "text/javascript; charset=utf-8",
  "favicon.svg": "image/svg+xml",
};

export interface FixtureServer {
  url: string;
  /** Sends a snapshot to every open stream, and answers later streams and GET …/dashboard with it. */
  push(model: FixtureModel): void;
  /** Cuts every open stream; while `refuse` is set, new streams get that status instead. */
  drop(refuse?: number | null): void;
  /** POST …/end requests received. */
  ended: number;
  /** Open event streams. */
  streams(): number;
  close(): Promise<void>;
}

export async function startFixtureServer(initial: FixtureModel): Promise<FixtureServer> {
  let model = initial;
  let refuse: number | null = null;
  const open = new Set<ServerResponse>();
  const snapshot = () => `event: snapshot\ndata: ${JSON.stringify(model)}\n\n`;
  const base = `/api/sessions/${FIXTURE_CODE}`;
  const state = { ended: 0 };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? "/").split("?")[0]!;
    response.setHeader("Content-Security-Policy", "default-src 'self'");
    if (path === "/dashboard") {
      const page = readFileSync(join(DASHBOARD_DIR, "index.html"), "utf8").replaceAll("%SESSION%", FIXTURE_CODE);
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    } else if (path.startsWith("/dashboard/") && TYPES[path.slice("/dashboard/".length)]) {
      const file = path.slice("/dashboard/".length);
      response.writeHead(200, { "content-type": TYPES[file]! }).end(readFileSync(join(DASHBOARD_DIR, file)));
    } else if (path === `${base}/events`) {
      if (refuse !== null)
        return void response.writeHead(refuse, { "content-type": "application/json" }).end('{"error":"x","message":"x"}');
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      // A short retry keeps the reconnect tests quick; the browser's default is 3 s.
      response.write(`retry: 300\n\n${snapshot()}`);
      open.add(response);
      request.on("close", () => open.delete(response));
    } else if (path === `${base}/dashboard`) {
      const status = refuse === 401 ? 401 : 200;
      response
        .writeHead(status, { "content-type": "application/json" })
        .end(status === 200 ? JSON.stringify(model) : '{"error":"unauthorized","message":"token"}');
    } else if (path === `${base}/end` && request.method === "POST") {
      state.ended++;
      model = { ...model, session: { ...model.session, state: "ended" } };
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
      for (const stream of open) stream.write(snapshot());
    } else {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    push(next) {
      model = next;
      for (const stream of open) stream.write(snapshot());
    },
    drop(status = null) {
      refuse = status;
      for (const stream of open) stream.destroy();
      open.clear();
    },
    get ended() {
      return state.ended;
    },
    streams: () => open.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of open) stream.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
