// A live session from the outside, as docs/live-sessions.md describes it: the BUILT `serve`
// started with --json (its first stdout line is the ready line), and learners speaking the HTTP
// API directly. Shared by the end-to-end tests and `npm run bench`, which is why it is plain
// JavaScript.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { connect } from "node:net";

/**
 * Spawns `node cli serve --json ...args` and resolves once the ready line is there:
 * `{ready, child, pid, lines, stderr(), exited, stop(signal)}`. `lines` collects every later
 * JSON line (events such as `ended`). Rejects with the server's stderr when it exits first or
 * prints no ready line within `timeoutMs`.
 */
/** Servers still running: a test that fails before it stops its server must not leave it behind. */
const running = new Set();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export function startServe(cli, args, { env = {}, cwd, nodeArgs = [], timeoutMs = 60_000 } = {}) {
  const fullEnv = { ...process.env, NO_COLOR: "1", ...env };
  for (const [key, value] of Object.entries(fullEnv)) if (value === undefined) delete fullEnv[key];
  const child = spawn(process.execPath, [...nodeArgs, cli, "serve", "--json", ...args], {
    cwd,
    env: fullEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.on("close", () => running.delete(child));
  const lines = [];
  let stderr = "";
  let buffer = "";
  const exited = new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal })));
  child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let ready = null;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`serve printed no ready line within ${timeoutMs} ms; stderr: ${stderr.slice(-2000)}`));
    }, timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      buffer += chunk;
      for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
        const text = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        let line;
        try {
          line = JSON.parse(text);
        } catch {
          line = { type: "unparsed", text };
        }
        if (ready) {
          lines.push(line);
          continue;
        }
        clearTimeout(timer);
        if (line.type !== "ready") {
          child.kill("SIGKILL");
          reject(new Error(`serve's first line is not the ready line: ${text}`));
          return;
        }
        ready = line;
        resolve({
          ready,
          child,
          pid: child.pid,
          lines,
          stderr: () => stderr,
          exited,
          stop: (signal = "SIGINT") => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`serve exited (${code ?? signal}) before it was ready; stderr: ${stderr.slice(-2000)}`));
    });
  });
}

/** The peak resident memory of a running process in bytes (Linux: VmHWM), or null. */
export async function peakRss(pid) {
  const { readFile } = await import("node:fs/promises");
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return kb ? Number(kb[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** One HTTP request; resolves to `{status, body, ms}` (body parsed when it is JSON). */
export async function request(url, { method = "GET", token, body, headers = {} } = {}) {
  const started = performance.now();
  const response = await fetch(url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let parsed = text;
  if ((response.headers.get("content-type") ?? "").includes("json")) {
    try {
      parsed = JSON.parse(text);
    } catch {
      // left as text: the test shows it
    }
  }
  return { status: response.status, body: parsed, ms, headers: response.headers };
}

/**
 * `request`'s contract over one keep-alive connection of its own, with HTTP/1.1 written and read
 * by hand: for the bench, whose 200 learners stand in for 200 machines but share this one's 2
 * cores with the server. Node's fetch spends about 0.8 ms of CPU a request here, as much as the
 * server spends answering it; this spends a few hundredths of that, so the round trips measure
 * the server. Only what the server sends is read: a Content-Length body, no chunks. One request
 * at a time on the connection (a learner waits for each answer).
 */
export function keepAliveTransport() {
  let socket = null;
  let received = Buffer.alloc(0);
  let waiting = null;
  const fail = (error) => {
    socket = null;
    const w = waiting;
    waiting = null;
    w?.reject(error);
  };
  const take = () => {
    if (!waiting) return;
    const end = received.indexOf("\r\n\r\n");
    if (end < 0) return;
    const head = received.subarray(0, end).toString("latin1").split("\r\n");
    const status = Number(head[0].split(" ")[1]);
    const headers = new Headers();
    for (const line of head.slice(1)) {
      const colon = line.indexOf(":");
      headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    }
    const length = Number(headers.get("content-length") ?? Number.NaN);
    if (!Number.isInteger(length)) return fail(new Error(`a response without Content-Length (${head[0]})`));
    if (received.length < end + 4 + length) return;
    const text = received.subarray(end + 4, end + 4 + length).toString("utf8");
    received = received.subarray(end + 4 + length);
    const w = waiting;
    waiting = null;
    w.resolve({ status, text, headers });
  };
  const open = (url) =>
    new Promise((resolve, reject) => {
      const s = connect({ host: url.hostname, port: Number(url.port), noDelay: true }, () => resolve(s));
      s.once("error", reject);
      s.on("data", (chunk) => {
        received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
        take();
      });
      s.on("close", () => fail(new Error("the server closed the connection")));
      s.on("error", (error) => fail(error));
    });
  return async (address, { method = "GET", token, body, headers = {} } = {}) => {
    const url = new URL(address);
    socket ??= await open(url);
    const payload = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
    const lines = [`${method} ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`];
    if (token) lines.push(`Authorization: Bearer ${token}`);
    if (body !== undefined) lines.push("Content-Type: application/json", `Content-Length: ${Buffer.byteLength(payload)}`);
    for (const [key, value] of Object.entries(headers)) lines.push(`${key}: ${value}`);
    const started = performance.now();
    const response = new Promise((resolve, reject) => (waiting = { resolve, reject }));
    socket.write(`${lines.join("\r\n")}\r\n\r\n${payload}`);
    const { status, text, headers: got } = await response;
    const ms = performance.now() - started;
    let parsed = text;
    if ((got.get("content-type") ?? "").includes("json")) parsed = JSON.parse(text);
    return { status, body: parsed, ms, headers: got };
  };
}

/**
 * A learner speaking the HTTP API directly (what `quiz --join` does underneath). `question` is
 * the last question event's QuestionView, `summary` the summary event once the quiz is over.
 */
export class HttpLearner {
  /** `transport` sends one request, as `request` does (the default); the bench gives each learner keepAliveTransport(). */
  constructor(url, session, name, { transport = request } = {}) {
    this.transport = transport;
    this.url = url.replace(/\/+$/, "");
    this.session = session;
    this.name = name;
    this.token = null;
    this.question = null;
    this.summary = null;
    this.events = [];
  }

  api(path) {
    return `${this.url}/api/sessions/${this.session}/${path}`;
  }

  /** Joins (or rejoins with the saved token); throws on anything but 200/201. */
  async join() {
    const response = await this.transport(this.api("join"), { method: "POST", token: this.token ?? undefined, body: { name: this.name } });
    if (response.status !== 200 && response.status !== 201)
      throw new Error(`join ${this.name}: ${response.status} ${JSON.stringify(response.body)}`);
    this.token = response.body.token;
    return response;
  }

  /** Reads what the learner should see now (after joining or reconnecting). */
  async state() {
    const response = await this.transport(this.api("state"), { token: this.token });
    if (response.status !== 200) throw new Error(`state ${this.name}: ${response.status} ${JSON.stringify(response.body)}`);
    this.take(response.body.events);
    return response;
  }

  /** Sends one action with a fresh attempt id (or `id`, to retry one); returns the response. */
  async act(action, text, id = randomUUID()) {
    const body = action === "answer" ? { id, action, text } : { id, action };
    const response = await this.transport(this.api("actions"), { method: "POST", token: this.token, body });
    if (response.status === 200) this.take(response.body.events);
    return { ...response, id };
  }

  take(events) {
    for (const event of events ?? []) {
      this.events.push(event);
      if (event.type === "question") this.question = event.question;
      if (event.type === "summary") {
        this.summary = event;
        this.question = null;
      }
    }
  }
}

const sigmoid = (x) => 1 / (1 + Math.exp(-x));

/** The right answer to a QuestionView about σ or σ′, to 6 significant figures. */
export function rightAnswerFor(question) {
  const x = question.params.x;
  if (question.quantity === "sigmoid") return sigmoid(x).toPrecision(6);
  if (question.quantity === "derivative") return (sigmoid(x) * (1 - sigmoid(x))).toPrecision(6);
  throw new Error(`only sigmoid and derivative are answered here, not ${question.quantity}`);
}

/** σ(x) where σ′(x) is asked: the typical mistake `sigmoid-instead-of-derivative`. */
export function sigmoidForDerivativeFor(question) {
  return question.quantity === "derivative" ? sigmoid(question.params.x).toPrecision(6) : rightAnswerFor(question);
}
