// The instructor's live dashboard. A plain ES module served as a static file under
// Content-Security-Policy default-src 'self': no framework, no inline script or style, no build.
// It listens to the session's event stream (a `snapshot` event carries the whole dashboard model,
// see docs/live-sessions.md) and redraws from it. Every text that comes from a learner (a name,
// anything in the model) goes in through textContent after visibleText, never as HTML.

const STUCK_AFTER_MS = 2 * 60 * 1000;
const RECONNECT_MIN_MS = 1000;
const RECONNECT_MAX_MS = 10_000;
/** The minutes the "+5 min" button adds to every learner's time. */
const EXTEND_MINUTES = 5;

const TEXT = {
  en: {
    title: "Live session",
    learnersHeading: "Learners",
    stuckHeading: "Stuck for more than 2 minutes",
    emptyText: "No learners yet. Each learner runs:",
    mistakesHeading: "Mistakes the room is making",
    mistakesEmpty: "No mistakes so far.",
    stepsHeading: "Lesson steps where the group struggles",
    stepsEmpty: "No answers yet.",
    questionsHeading: "Questions",
    actionsHeading: "Results",
    reportLabel: "Final report:",
    exportLink: "Result files (zip)",
    endButton: "End session",
    endConfirmHeading: "End the session?",
    endConfirmText: "Learners can no longer answer. The report and the result files stay available.",
    cancel: "Cancel",
    factState: "State",
    stateOpen: "open",
    stateEnded: "ended",
    factSeed: "Seed",
    factCount: "Questions",
    factFeedback: "Feedback",
    feedbackNow: "at once",
    feedbackEnd: "at the end",
    factHints: "Hints",
    hintsOn: "allowed",
    hintsOff: "off",
    factTime: "Time limit",
    noLimit: "none",
    minutes: (n) => `${n} min`,
    factTimeLeft: "Time left",
    factLearners: "Learners",
    learnerCounts: (joined, connected, finished) => `${joined} joined · ${connected} connected · ${finished} finished`,
    colName: "Name",
    colStatus: "Status",
    colPlace: "Place",
    colTime: "On this question",
    colTimeLeft: "Time left",
    colScore: "Right",
    question: (n) => `Q${n}`,
    place: (n, count) => `Q${n} of ${count}`,
    part: (p, parts) => `part ${p} of ${parts}`,
    finished: "finished",
    notStarted: "not started",
    connected: "● connected",
    disconnected: "○ away",
    stuckMark: "⚠ stuck",
    score: (right, answered) => `${right}/${answered}`,
    verdict: {
      correct: "right",
      imprecise: "not precise enough",
      incorrect: "wrong",
      skipped: "skipped",
      recorded: "recorded",
      current: "answering now",
      open: "not yet",
    },
    legend: "✓ right · ≈ not precise enough · ✗ wrong · – skipped · ● recorded · ▸ answering now",
    stuckItem: (n, time) => ` — Q${n}, ${time}`,
    mistakeWho: "Who: ",
    mistakeCount: (n) => `${n}×`,
    stepWrong: (wrong, answered) => `${wrong} wrong of ${answered}`,
    questionRight: (right, answered) => `${right} of ${answered} right`,
    reconnecting: "Connection to the server lost. Reconnecting…",
    signedOut: "The server no longer accepts this login. Reload the page to enter the token again.",
    ended: "This session has ended. The report and the result files are below.",
    ending: "Ending the session…",
    endFailed: (status) => `The session could not be ended (${status}). Try again.`,
    updated: (time) => `Updated ${time}`,
    pauseButton: "Pause",
    resumeButton: "Resume",
    extendButton: `+${EXTEND_MINUTES} min`,
    statePaused: "paused",
    factExtended: "Time added",
    paused: "Paused: the learners' time stands still, and their answers wait until you resume.",
    pausing: "Pausing…",
    resuming: "Resuming…",
    extending: "Adding time…",
    controlFailed: (status) => `That did not work (${status}). Try again.`,
  },
  ja: {
    title: "ライブセッション",
    learnersHeading: "受講者",
    stuckHeading: "1 つの問題で 2 分以上止まっている受講者",
    emptyText: "まだ受講者がいません。受講者は次のコマンドで参加します。",
    mistakesHeading: "いま多い間違い",
    mistakesEmpty: "まだ間違いはありません。",
    stepsHeading: "つまずいているレッスンのステップ",
    stepsEmpty: "まだ解答がありません。",
    questionsHeading: "問題",
    actionsHeading: "結果",
    reportLabel: "最終レポート：",
    exportLink: "結果ファイル（zip）",
    endButton: "セッションを終了",
    endConfirmHeading: "セッションを終了しますか。",
    endConfirmText: "受講者はもう解答できなくなります。レポートと結果ファイルは引き続き取得できます。",
    cancel: "キャンセル",
    factState: "状態",
    stateOpen: "実施中",
    stateEnded: "終了",
    factSeed: "シード",
    factCount: "問題数",
    factFeedback: "判定の表示",
    feedbackNow: "すぐに表示",
    feedbackEnd: "最後に表示",
    factHints: "ヒント",
    hintsOn: "あり",
    hintsOff: "なし",
    factTime: "制限時間",
    noLimit: "なし",
    minutes: (n) => `${n} 分`,
    factTimeLeft: "残り時間",
    factLearners: "受講者",
    learnerCounts: (joined, connected, finished) => `参加 ${joined} 人・接続中 ${connected} 人・終了 ${finished} 人`,
    colName: "名前",
    colStatus: "接続",
    colPlace: "進み具合",
    colTime: "この問題の時間",
    colTimeLeft: "残り時間",
    colScore: "正解",
    question: (n) => `問${n}`,
    place: (n, count) => `問 ${n} / ${count}`,
    part: (p, parts) => `小問 ${p} / ${parts}`,
    finished: "終了",
    notStarted: "未開始",
    connected: "● 接続中",
    disconnected: "○ 切断",
    stuckMark: "⚠ 停滞",
    score: (right, answered) => `${right}/${answered}`,
    verdict: {
      correct: "正解",
      imprecise: "精度不足",
      incorrect: "不正解",
      skipped: "スキップ",
      recorded: "記録済み",
      current: "解答中",
      open: "未解答",
    },
    legend: "✓ 正解・≈ 精度不足・✗ 不正解・– スキップ・● 記録済み・▸ 解答中",
    stuckItem: (n, time) => `：問${n}、${time}`,
    mistakeWho: "該当者：",
    mistakeCount: (n) => `${n} 件`,
    stepWrong: (wrong, answered) => `${answered} 件中 ${wrong} 件不正解`,
    questionRight: (right, answered) => `${answered} 人中 ${right} 人正解`,
    reconnecting: "サーバーとの接続が切れました。再接続しています…",
    signedOut: "このログインは無効になりました。ページを再読み込みして、トークンを入力し直してください。",
    ended: "このセッションは終了しました。レポートと結果ファイルは下にあります。",
    ending: "セッションを終了しています…",
    endFailed: (status) => `セッションを終了できませんでした（${status}）。もう一度お試しください。`,
    updated: (time) => `${time} に更新`,
    pauseButton: "一時停止",
    resumeButton: "再開",
    extendButton: `+${EXTEND_MINUTES} 分`,
    statePaused: "一時停止中",
    factExtended: "延長",
    paused: "一時停止中です。受講者の残り時間は止まり、解答は再開まで待機します。",
    pausing: "一時停止しています…",
    resuming: "再開しています…",
    extending: "時間を延長しています…",
    controlFailed: (status) => `操作できませんでした（${status}）。もう一度お試しください。`,
  },
};

const SYMBOL = { correct: "✓", imprecise: "≈", incorrect: "✗", skipped: "–", recorded: "●", current: "▸", open: "·" };

// Control, bidirectional and invisible characters in a learner's text would reorder or hide what
// is shown next to them ("\u202EboB" reads as "Bob"): show each as a visible escape instead.
const HIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** A learner's text as it may be shown: every control or format character as a visible `\u202E`. */
export function visibleText(value) {
  const text = typeof value === "string" ? value : String(value ?? "");
  return text.replace(HIDDEN, (char) => `\\u${char.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

/** An element with attributes and children; strings become text nodes, so no data is ever parsed as HTML. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  return node;
}

/** A learner's name: escaped controls, and isolated so that right-to-left text stays inside its own box. */
function nameNode(name) {
  return el("bdi", { class: "name" }, visibleText(name));
}

function localized(value, lang) {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return visibleText(value);
  return visibleText(value[lang] ?? value.en ?? value.ja ?? "");
}

/** m:ss (or h:mm:ss) for a duration; never negative. */
function clock(ms) {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

const state = {
  code: "",
  lang: null, // the instructor's choice; null follows the session's language
  model: null,
  clockOffsetMs: 0, // server time minus this browser's time, from the model's `now`
  receivedAt: 0,
  connection: "connecting", // connecting | open | reconnecting | signed-out
  ending: false,
  actionMessage: "",
  controlling: null, // pause | resume | extend, while its request is out
  controlMessage: "",
};

function lang() {
  return state.lang ?? (state.model?.session?.lang === "ja" ? "ja" : "en");
}

function t() {
  return TEXT[lang()];
}

function serverNow() {
  return Date.now() + state.clockOffsetMs;
}

/** Time on the current question, from `since`; null when the learner is not on a question. */
function onQuestionMs(learner) {
  if (learner.finished || !learner.since) return null;
  const since = Date.parse(learner.since);
  return Number.isNaN(since) ? null : serverNow() - since;
}

/** Stuck as the server says, or by this clock when two minutes pass between two snapshots. */
function isStuck(learner) {
  // While paused nobody can answer: nobody is stuck.
  if (learner.finished || state.model?.session?.paused === true) return false;
  if (learner.stuck) return true;
  const ms = onQuestionMs(learner);
  return ms !== null && ms > STUCK_AFTER_MS;
}

function cellKind(learner, index) {
  const result = learner.results?.[index];
  if (result && SYMBOL[result]) return result;
  if (!learner.finished && learner.question === index + 1) return "current";
  return "open";
}

// ---- rendering -------------------------------------------------------------------------------

function renderStaticText() {
  const text = t();
  document.documentElement.lang = lang();
  for (const node of document.querySelectorAll("[data-text]")) {
    const value = text[node.dataset.text];
    if (typeof value === "string") node.textContent = value;
  }
  for (const button of document.querySelectorAll("[data-lang]")) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === lang()));
  }
  document.getElementById("legend").textContent = text.legend;
  document.title = `sigmoid-trainer: ${text.title} ${state.code}`;
}

function fact(term, ...value) {
  return [el("div", { class: "fact" }, el("dt", {}, term), el("dd", {}, ...value))];
}

/** A learner's time left, or null without a limit or once finished. */
function timeLeftMs(learner) {
  if (learner.finished || !learner.deadline) return null;
  const deadline = Date.parse(learner.deadline);
  // While paused the server gives the deadline as if the session resumed at the snapshot's
  // `now`: the time left stands still at that.
  const paused = state.model?.session?.paused === true;
  const from = paused ? Date.parse(state.model.now) : serverNow();
  return Number.isNaN(deadline) || Number.isNaN(from) ? null : Math.max(0, deadline - from);
}

/** Each learner's time starts when they join: the room's time left is the last learner's. */
function roomTimeLeftMs(learners) {
  const left = learners.map(timeLeftMs).filter((ms) => ms !== null);
  return left.length === 0 ? null : Math.max(...left);
}

function renderFacts() {
  const text = t();
  const model = state.model;
  const facts = document.getElementById("facts");
  if (!model) return facts.replaceChildren();
  const session = model.session ?? {};
  const learners = model.learners ?? [];
  const ended = session.state === "ended";
  const paused = !ended && session.paused === true;
  const items = [
    fact(
      text.factState,
      el(
        "span",
        { class: ended ? "badge ended" : paused ? "badge paused" : "badge open", id: "session-state" },
        ended ? text.stateEnded : paused ? text.statePaused : text.stateOpen,
      ),
    ),
  ];
  if (session.seed !== undefined && session.seed !== null) items.push(fact(text.factSeed, String(session.seed)));
  items.push(fact(text.factCount, String(session.count ?? model.questions?.length ?? 0)));
  items.push(fact(text.factFeedback, session.feedback === "end" ? text.feedbackEnd : text.feedbackNow));
  items.push(fact(text.factHints, session.hintsAllowed === false ? text.hintsOff : text.hintsOn));
  items.push(fact(text.factTime, session.timeLimitMinutes ? text.minutes(session.timeLimitMinutes) : text.noLimit));
  if (session.extendedMinutes > 0)
    items.push(fact(text.factExtended, el("span", { id: "time-added" }, `+${text.minutes(session.extendedMinutes)}`)));
  const left = roomTimeLeftMs(learners);
  if (left !== null && !ended) items.push(fact(text.factTimeLeft, el("span", { id: "time-left" }, clock(left))));
  const connected = learners.filter((l) => l.connected).length;
  const finished = learners.filter((l) => l.finished).length;
  items.push(fact(text.factLearners, el("span", { id: "learner-counts" }, text.learnerCounts(learners.length, connected, finished))));
  facts.replaceChildren(...items.flat());
}

function joinCommand() {
  return `sigmoid-trainer quiz --join ${location.origin}/j/${state.code} --name NAME`;
}

function renderLearners() {
  const text = t();
  const model = state.model;
  const learners = model?.learners ?? [];
  const count = model?.session?.count ?? model?.questions?.length ?? 0;
  const timed = Boolean(model?.session?.timeLimitMinutes);
  document.getElementById("empty").hidden = learners.length > 0;
  document.getElementById("learners-box").hidden = learners.length === 0;
  document.getElementById("legend").hidden = learners.length === 0;
  document.getElementById("join-command").textContent = joinCommand();

  // The verdicts come right after the name: on a phone they are what shows before the table scrolls.
  const head = [el("th", { scope: "col" }, text.colName)];
  for (let i = 0; i < count; i++) head.push(el("th", { scope: "col", class: "q" }, text.question(i + 1)));
  head.push(el("th", { scope: "col" }, text.colScore), el("th", { scope: "col" }, text.colPlace), el("th", { scope: "col" }, text.colTime));
  if (timed) head.push(el("th", { scope: "col" }, text.colTimeLeft));
  head.push(el("th", { scope: "col" }, text.colStatus));
  document.getElementById("learners-head").replaceChildren(...head);

  // The stuck first (longest first), then everyone in the server's order.
  const indexed = learners.map((learner, index) => ({ learner, index, stuck: isStuck(learner), ms: onQuestionMs(learner) ?? 0 }));
  indexed.sort((a, b) => (a.stuck === b.stuck ? (a.stuck ? b.ms - a.ms : a.index - b.index) : a.stuck ? -1 : 1));

  const rows = indexed.map(({ learner, stuck, ms }) => {
    const cells = [];
    for (let i = 0; i < count; i++) {
      const kind = cellKind(learner, i);
      const label = `${text.question(i + 1)}: ${text.verdict[kind]}`;
      cells.push(el("td", { class: `cell ${kind}`, title: label, "aria-label": label }, SYMBOL[kind]));
    }
    let place = text.notStarted;
    if (learner.finished) place = text.finished;
    else if (learner.question) {
      const parts = model.questions?.[learner.question - 1]?.parts ?? 1;
      place = text.place(learner.question, count) + (parts > 1 ? ` · ${text.part((learner.part ?? 0) + 1, parts)}` : "");
    }
    const onQuestion = onQuestionMs(learner);
    const left = timeLeftMs(learner);
    return el(
      "tr",
      { class: ["learner", stuck ? "stuck" : "", learner.connected ? "" : "away", learner.finished ? "finished" : ""].join(" ").trim() },
      el(
        "th",
        { scope: "row", class: "who", title: visibleText(learner.name) },
        nameNode(learner.name),
        stuck ? el("span", { class: "stuck-mark" }, ` ${text.stuckMark}`) : null,
      ),
      cells,
      el("td", { class: "score" }, text.score(learner.right ?? 0, learner.answered ?? 0)),
      el("td", { class: "place" }, place),
      el("td", { class: "time" }, onQuestion === null ? "—" : clock(ms)),
      timed ? el("td", { class: "time-left" }, left === null ? "—" : clock(left)) : null,
      el("td", { class: learner.connected ? "status on" : "status off" }, learner.connected ? text.connected : text.disconnected),
    );
  });
  document.getElementById("learners-body").replaceChildren(...rows);

  const stuckLearners = indexed.filter((entry) => entry.stuck);
  document.getElementById("stuck").hidden = stuckLearners.length === 0;
  document.getElementById("stuck-list").replaceChildren(
    ...stuckLearners.map(({ learner, ms }) => {
      return el("li", {}, nameNode(learner.name), text.stuckItem(learner.question ?? "?", clock(ms)));
    }),
  );
}

function renderMistakes() {
  const text = t();
  const mistakes = state.model?.mistakes ?? [];
  document.getElementById("mistakes-empty").hidden = mistakes.length > 0;
  document.getElementById("mistakes").replaceChildren(
    ...mistakes.map((mistake) => {
      const names = (mistake.learners ?? []).flatMap((name, i) => (i === 0 ? [nameNode(name)] : [", ", nameNode(name)]));
      return el(
        "li",
        { "data-mistake": visibleText(mistake.id) },
        el("span", { class: "count" }, text.mistakeCount(mistake.count ?? 0)),
        " ",
        el("span", { class: "label" }, localized(mistake.label, lang()) || visibleText(mistake.id)),
        el("div", { class: "who-list" }, text.mistakeWho, names),
      );
    }),
  );
}

function ratioBar(part, whole, kind) {
  const bar = el("span", { class: `bar ${kind}`, "aria-hidden": "true" }, el("span", { class: "fill" }));
  // CSSOM, not a style attribute: allowed under the page's Content-Security-Policy.
  bar.firstChild.style.width = `${whole > 0 ? Math.round((part / whole) * 100) : 0}%`;
  return bar;
}

function renderSteps() {
  const text = t();
  const steps = (state.model?.steps ?? []).filter((step) => (step.answered ?? 0) > 0);
  document.getElementById("steps-empty").hidden = steps.length > 0;
  document
    .getElementById("steps")
    .replaceChildren(
      ...steps.map((step) =>
        el(
          "li",
          { "data-step": visibleText(step.step) },
          el("span", { class: "label" }, localized(step.title, lang()) || visibleText(step.step)),
          el("span", { class: "figure" }, text.stepWrong(step.wrong ?? 0, step.answered ?? 0)),
          ratioBar(step.wrong ?? 0, step.answered ?? 0, "wrong"),
        ),
      ),
    );
}

function renderQuestions() {
  const text = t();
  const questions = state.model?.questions ?? [];
  document
    .getElementById("questions")
    .replaceChildren(
      ...questions.map((question) =>
        el(
          "li",
          { class: "question", "data-question": question.number },
          el(
            "div",
            { class: "question-head" },
            el("strong", {}, text.question(question.number)),
            el("span", { class: "figure" }, text.questionRight(question.right ?? 0, question.answered ?? 0)),
          ),
          ratioBar(question.right ?? 0, question.answered ?? 0, "right"),
          question.formula ? el("p", { class: "formula" }, localized(question.formula, lang())) : null,
          el("p", { class: "prompt" }, localized(question.prompt, lang())),
        ),
      ),
    );
}

function renderBanner() {
  const text = t();
  const banner = document.getElementById("banner");
  let message = "";
  let kind = "";
  if (state.connection === "reconnecting") [message, kind] = [text.reconnecting, "warn"];
  else if (state.connection === "signed-out") [message, kind] = [text.signedOut, "error"];
  else if (state.model?.session?.state === "ended") [message, kind] = [text.ended, "info"];
  else if (state.model?.session?.paused === true) [message, kind] = [text.paused, "warn"];
  banner.hidden = message === "";
  banner.className = `banner ${kind}`;
  banner.textContent = message;
}

function renderActions() {
  const text = t();
  // The report and archive links are in the page itself, with the session code the server put in.
  const ended = state.model?.session?.state === "ended";
  document.getElementById("end-button").disabled = ended || state.ending;
  document.getElementById("action-status").textContent = state.ending ? text.ending : state.actionMessage;
  renderControls();
}

/** Pause or Resume (by the session's state), and "+5 min" for a timed session; none once it ended. */
function renderControls() {
  const text = t();
  const session = state.model?.session;
  const ended = !session || session.state === "ended";
  const paused = session?.paused === true;
  const pause = document.getElementById("pause-button");
  pause.textContent = paused ? text.resumeButton : text.pauseButton;
  pause.setAttribute("aria-pressed", String(paused));
  pause.hidden = ended;
  pause.disabled = state.controlling !== null;
  const extend = document.getElementById("extend-button");
  extend.hidden = ended || !session.timeLimitMinutes;
  extend.disabled = state.controlling !== null;
  const busy = { pause: text.pausing, resume: text.resuming, extend: text.extending }[state.controlling];
  document.getElementById("control-status").textContent = busy ?? state.controlMessage;
}

function renderUpdated() {
  const node = document.getElementById("updated");
  node.textContent = state.receivedAt ? t().updated(new Date(state.receivedAt).toLocaleTimeString(lang())) : "";
}

function render() {
  renderStaticText();
  document.getElementById("session-code").textContent = visibleText(state.code);
  renderBanner();
  renderFacts();
  renderLearners();
  renderMistakes();
  renderSteps();
  renderQuestions();
  renderActions();
  renderUpdated();
}

/** Once a second: the clocks (time left, time on question) and the stuck rule move on between snapshots. */
function tick() {
  if (!state.model) return;
  renderFacts();
  renderLearners();
}

// ---- the event stream ------------------------------------------------------------------------

let source = null;
let reconnectDelay = RECONNECT_MIN_MS;
let reconnectTimer = null;

function applySnapshot(data) {
  let model;
  try {
    model = JSON.parse(data);
  } catch {
    return; // a broken event is skipped; the next snapshot carries the whole model again
  }
  if (!model || typeof model !== "object") return;
  state.model = model;
  state.receivedAt = Date.now();
  const now = Date.parse(model.now);
  state.clockOffsetMs = Number.isNaN(now) ? 0 : now - state.receivedAt;
  state.connection = "open";
  reconnectDelay = RECONNECT_MIN_MS;
  render();
}

/** After the stream failed for good (a non-200 answer): is the login still good, or is the server away? */
async function checkLogin() {
  try {
    const response = await fetch(`/api/sessions/${encodeURIComponent(state.code)}/dashboard`, { credentials: "same-origin" });
    if (response.status === 401 || response.status === 403) return "signed-out";
    return "reconnecting";
  } catch {
    return "reconnecting";
  }
}

function connect() {
  clearTimeout(reconnectTimer);
  source?.close();
  source = new EventSource(`/api/sessions/${encodeURIComponent(state.code)}/events`, { withCredentials: true });
  source.addEventListener("snapshot", (event) => applySnapshot(event.data));
  source.addEventListener("error", async () => {
    if (state.connection !== "signed-out") state.connection = "reconnecting";
    renderBanner();
    // EventSource retries a dropped connection by itself; an answer that is not a stream closes it for good.
    if (source.readyState !== EventSource.CLOSED) return;
    state.connection = await checkLogin();
    renderBanner();
    if (state.connection === "signed-out") return;
    reconnectTimer = setTimeout(connect, reconnectDelay);
    reconnectDelay = Math.min(reconnectDelay * 2, RECONNECT_MAX_MS);
  });
}

// ---- the instructor's controls ---------------------------------------------------------------

async function endSession() {
  state.ending = true;
  state.actionMessage = "";
  renderActions();
  try {
    const response = await fetch(`/api/sessions/${encodeURIComponent(state.code)}/end`, { method: "POST", credentials: "same-origin" });
    state.actionMessage = response.ok ? "" : t().endFailed(response.status);
    if (response.ok && state.model?.session) {
      state.model.session.state = "ended";
    }
  } catch {
    state.actionMessage = t().endFailed("—");
  }
  state.ending = false;
  render();
}

/** Pause, resume or extend: the answer carries the session's timing, shown before the next snapshot. */
async function control(what) {
  state.controlling = what;
  state.controlMessage = "";
  renderControls();
  try {
    const response = await fetch(`/api/sessions/${encodeURIComponent(state.code)}/${what}`, {
      method: "POST",
      credentials: "same-origin",
      ...(what === "extend" ? { headers: { "Content-Type": "application/json" }, body: JSON.stringify({ minutes: EXTEND_MINUTES }) } : {}),
    });
    if (response.ok) {
      const timing = await response.json();
      if (state.model?.session) {
        state.model.session.paused = timing.paused === true;
        state.model.session.pausedSince = timing.pausedSince ?? null;
        state.model.session.extendedMinutes = Number(timing.extendedMinutes) || 0;
      }
    } else state.controlMessage = t().controlFailed(response.status);
  } catch {
    state.controlMessage = t().controlFailed("—");
  }
  state.controlling = null;
  render();
}

function start() {
  const meta = document.querySelector('meta[name="sigmoid-session"]');
  state.code = meta?.content ?? "";
  try {
    const saved = sessionStorage.getItem("sigmoid-dashboard-lang");
    if (saved === "ja" || saved === "en") state.lang = saved;
  } catch {
    // storage may be off; the session's language is used
  }
  for (const button of document.querySelectorAll("[data-lang]")) {
    button.addEventListener("click", () => {
      state.lang = button.dataset.lang;
      try {
        sessionStorage.setItem("sigmoid-dashboard-lang", state.lang);
      } catch {
        // not kept across reloads then
      }
      render();
    });
  }
  document.getElementById("pause-button").addEventListener("click", () => {
    control(state.model?.session?.paused === true ? "resume" : "pause");
  });
  document.getElementById("extend-button").addEventListener("click", () => control("extend"));
  const dialog = document.getElementById("end-dialog");
  document.getElementById("end-button").addEventListener("click", () => dialog.showModal());
  dialog.addEventListener("close", () => {
    if (dialog.returnValue === "end") endSession();
  });
  render();
  connect();
  setInterval(tick, 1000);
}

start();
