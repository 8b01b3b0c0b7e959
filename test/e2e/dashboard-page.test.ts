// The dashboard page in a real browser (Debian's Chromium) against a fixture event stream: what the
// instructor sees for a given dashboard model, how it follows new snapshots and a dropped stream,
// the controls, hostile learner names, and the phone, projector and dark screens. The page against
// the real server is test/e2e/dashboard-browser.test.ts.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, chromiumSkipReason, launchChromium } from "../support/chromium";
import {
  BIDI_NAME,
  FIXTURE_CODE,
  type FixtureModel,
  type FixtureServer,
  fixtureModel,
  HOSTILE_HTML_NAME,
  startFixtureServer,
} from "../support/dashboard-fixture";

// The page's own globals, as far as the callbacks run in it by page.evaluate use them (the tests'
// TypeScript has no DOM library).
interface PageElement {
  scrollWidth: number;
  clientWidth: number;
}
declare const document: { documentElement: PageElement; body: PageElement; getElementById(id: string): PageElement | null };
declare const window: object;
declare function getComputedStyle(element: PageElement): { fontSize: string; backgroundColor: string };

const skipReason = chromiumSkipReason();
const shots = mkdtempSync(join(tmpdir(), "sigmoid-dashboard-page-"));

describe("the browser tests without Chromium", () => {
  it("are skipped with the reason in their title, except under CI, where they run and fail", () => {
    expect(chromiumSkipReason("/nonexistent/chromium", {})).toBe(
      "skipped: /nonexistent/chromium is missing (apt-get install chromium fonts-noto-cjk)",
    );
    expect(chromiumSkipReason("/nonexistent/chromium", { CI: "true" })).toBeNull();
  });
});

describe.skipIf(skipReason !== null)(`the dashboard page in Chromium${skipReason ? ` (${skipReason})` : ""}`, () => {
  let browser: BrowserSession;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    console.log(`dashboard page screenshots: ${shots}`);
  });
  afterEach(async () => {
    await page?.close();
    await server?.close();
  });

  async function open(model: FixtureModel = fixtureModel(), viewport = { width: 1280, height: 800 }) {
    server = await startFixtureServer(model);
    browser.problems.length = 0;
    page = await browser.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`${server.url}/dashboard`);
    await page.locator("#learners-body tr").first().or(page.locator("#empty:not([hidden])")).waitFor();
    return page;
  }

  /** The rows' names in the order shown. */
  const rowNames = () => page.locator("#learners-body th.who bdi").allTextContents();

  it("shows the session, each learner's place and verdicts as symbols, the stuck first, in the session's language", async () => {
    await open();
    expect(await page.locator("html").getAttribute("lang")).toBe("ja");
    expect(await page.locator("#session-code").textContent()).toBe(FIXTURE_CODE);
    const facts = await page.locator("#facts").textContent();
    for (const text of ["2024", "4", "すぐに表示", "30 分", "参加 4 人・接続中 3 人・終了 1 人"]) expect(facts).toContain(text);
    // Each learner's time runs from their own join; the room's time left is the last learner's.
    expect(facts).toMatch(/残り時間\s*(25:00|24:5\d)/); // 25:00 when read within the first second

    // Kenji has been on question 2 for 3 minutes: first in the table, and in the callout.
    expect((await rowNames())[0]).toBe("Kenji");
    await expect.poll(() => page.locator("#stuck-list").textContent()).toMatch(/^Kenji：問2、3:0\d$/);
    expect(await page.locator("tr.stuck").count()).toBe(1);

    const aiko = page.locator("tr", { has: page.locator("bdi", { hasText: /^Aiko$/ }) });
    expect(await aiko.locator(".place").textContent()).toBe("問 3 / 4 · 小問 2 / 2");
    expect(await aiko.locator(".time-left").textContent()).toMatch(/^(20:00|19:5\d)$/);
    expect(await aiko.locator(".status").textContent()).toBe("● 接続中");
    expect(await aiko.locator(".score").textContent()).toBe("2/2");
    expect(await aiko.locator("td.cell").allTextContents()).toEqual(["✓", "✓", "▸", "·"]);
    expect(await aiko.locator("td.cell").first().getAttribute("aria-label")).toBe("問1: 正解");
    // Colour is never the only sign: each verdict has its own symbol and label.
    const hostile = page.locator("tr", { has: page.locator("bdi", { hasText: HOSTILE_HTML_NAME }) });
    expect(await hostile.locator("td.cell").allTextContents()).toEqual(["✓", "–", "≈", "▸"]);
    const bidi = page.locator("tr.finished");
    expect(await bidi.locator(".place").textContent()).toBe("終了");
    expect(await bidi.locator(".status").textContent()).toBe("○ 切断");
    expect(await bidi.locator(".time").textContent()).toBe("—");

    const mistakes = await page.locator("#mistakes li").allTextContents();
    expect(mistakes[0]).toContain("2 件 σ′ の代わりに σ を答えています");
    expect(mistakes[0]).toContain(`Kenji, ${HOSTILE_HTML_NAME}`);
    // Steps nobody has answered yet are left out; the model's order (most trouble first) is kept.
    expect(await page.locator("#steps li .label").allTextContents()).toEqual(["Step 4: きれいな形にする", "Step 1: シグモイド関数の定義"]);
    expect(await page.locator("#steps li .figure").first().textContent()).toBe("5 件中 3 件不正解");
    const q2 = page.locator('#questions li[data-question="2"]');
    expect(await q2.locator(".formula").textContent()).toBe("σ′(x) = σ(x)(1 − σ(x))");
    expect(await q2.locator(".prompt").textContent()).toBe("σ′(x) の値を求めてください。");
    expect(await q2.locator(".figure").textContent()).toBe("3 人中 2 人正解");
    await page.screenshot({ path: join(shots, "fixture-ja-1280.png"), fullPage: true });
    expect(browser.problems).toEqual([]);
  });

  it("switches between Japanese and English without a reload and keeps the choice", async () => {
    await open();
    await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
    await page.getByRole("button", { name: "English" }).click();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator('#questions li[data-question="2"] .prompt').textContent()).toBe("Find the value of σ′(x).");
    expect(await page.locator("#learners-heading").textContent()).toBe("Learners");
    expect(await page.locator("#facts").textContent()).toContain("4 joined · 3 connected · 1 finished");
    expect(await page.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe("true");
    expect(await page.evaluate(() => "loadedOnce" in window)).toBe(true);
    await page.reload();
    await page.locator("#learners-body tr").first().waitFor();
    expect(await page.locator("#learners-heading").textContent()).toBe("Learners");
  });

  it("shows a new answer as soon as the next snapshot arrives, without a reload", async () => {
    await open();
    await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
    const next = fixtureModel();
    const aiko = next.learners[0]!;
    Object.assign(aiko, { question: 4, answered: 3, right: 2, results: ["correct", "correct", "incorrect", null] });
    server.push(next);
    const row = page.locator("tr", { has: page.locator("bdi", { hasText: /^Aiko$/ }) });
    await expect.poll(() => row.locator("td.cell").allTextContents()).toEqual(["✓", "✓", "✗", "▸"]);
    expect(await row.locator("td.cell").nth(2).getAttribute("aria-label")).toBe("問3: 不正解");
    expect(await page.evaluate(() => "loadedOnce" in window)).toBe(true);
  });

  it("shows learner texts as text: no element from a name, bidirectional controls shown and isolated", async () => {
    await open();
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("bdi", { hasText: HOSTILE_HTML_NAME }).count()).toBeGreaterThan(0);
    // The override is shown as a visible escape, so "boB" cannot pass for "Bob".
    const shown = await page.locator("tr.finished bdi").textContent();
    expect(shown).toBe("\\u202EboB");
    expect(await page.locator("body").textContent()).not.toContain(BIDI_NAME);
    expect(browser.problems).toEqual([]);
  });

  it("counts a learner as stuck by its own clock once 2 minutes pass between snapshots", async () => {
    const model = fixtureModel();
    // Aiko has been on question 3 for 1:59 and the server has not said stuck yet.
    model.learners[0]!.since = new Date(Date.parse(model.now) - 119_000).toISOString();
    await open(model);
    expect((await rowNames())[0]).toBe("Kenji");
    await expect.poll(() => page.locator("tr.stuck").count(), { timeout: 5000 }).toBe(2);
    expect(await page.locator("#stuck-list li").count()).toBe(2);
  });

  it("with --feedback end shows answered questions as recorded, a symbol of their own", async () => {
    const model = fixtureModel();
    model.session.feedback = "end";
    model.learners[0]!.results = ["recorded", "recorded", null, null];
    await open(model);
    expect(await page.locator("#facts").textContent()).toContain("最後に表示");
    const aiko = page.locator("tr", { has: page.locator("bdi", { hasText: /^Aiko$/ }) });
    expect(await aiko.locator("td.cell").allTextContents()).toEqual(["●", "●", "▸", "·"]);
    expect(await aiko.locator("td.cell").first().getAttribute("aria-label")).toBe("問1: 記録済み");
  });

  it("shows the join command while nobody has joined", async () => {
    const model = fixtureModel();
    model.learners = [];
    model.mistakes = [];
    model.steps = [];
    await open(model);
    expect(await page.locator("#empty").isVisible()).toBe(true);
    expect(await page.locator("#learners-box").isVisible()).toBe(false);
    expect(await page.locator("#join-command").textContent()).toBe(
      `sigmoid-trainer quiz --join ${server.url}/j/${FIXTURE_CODE} --name NAME`,
    );
    expect(await page.locator("#mistakes-empty").isVisible()).toBe(true);
    expect(await page.locator("#steps-empty").isVisible()).toBe(true);
  });

  it("says it is reconnecting while the stream is down and recovers by itself", async () => {
    await open();
    expect(await page.locator("#banner").isVisible()).toBe(false);
    server.drop(503);
    await page.locator("#banner.warn").waitFor();
    expect(await page.locator("#banner").textContent()).toBe("サーバーとの接続が切れました。再接続しています…");
    const next = fixtureModel();
    next.learners[0]!.results = ["correct", "correct", "correct", null];
    server.drop(null);
    server.push(next);
    await page.locator("#banner").waitFor({ state: "hidden", timeout: 15_000 });
    const row = page.locator("tr", { has: page.locator("bdi", { hasText: /^Aiko$/ }) });
    expect(await row.locator("td.cell").nth(2).textContent()).toBe("✓");
  });

  it("asks to log in again when the server no longer takes the cookie", async () => {
    await open();
    server.drop(401);
    await page.locator("#banner.error").waitFor();
    expect(await page.locator("#banner").textContent()).toContain("トークンを入力し直してください");
  });

  it("links the report and the archive, and ends the session only after a confirmation", async () => {
    await open();
    const base = `/api/sessions/${FIXTURE_CODE}`;
    expect(await page.locator("#report-md").getAttribute("href")).toBe(`${base}/report?format=md`);
    expect(await page.locator("#report-csv").getAttribute("href")).toBe(`${base}/report?format=csv`);
    expect(await page.locator("#report-json").getAttribute("href")).toBe(`${base}/report?format=json`);
    expect(await page.locator("#export").getAttribute("href")).toBe(`${base}/export`);

    await page.locator("#end-button").click();
    expect(await page.locator("#end-dialog").isVisible()).toBe(true);
    await page.getByRole("button", { name: "キャンセル" }).click();
    expect(await page.locator("#end-dialog").isVisible()).toBe(false);
    expect(server.ended).toBe(0);

    await page.locator("#end-button").click();
    await page.locator("#end-confirm").click();
    await page.locator("#banner.info").waitFor();
    expect(server.ended).toBe(1);
    expect(await page.locator("#session-state").textContent()).toBe("終了");
    expect(await page.locator("#end-button").isDisabled()).toBe(true);
  });

  it("fits a phone without sideways scrolling of the page: the table scrolls in its own box", async () => {
    const model = fixtureModel();
    model.session.count = 12;
    model.learners[0]!.name = "とても長い名前の受講者さん".repeat(3);
    model.learners[0]!.results = Array(12).fill("correct");
    await open(model, { width: 375, height: 667 });
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      view: document.documentElement.clientWidth,
      box: document.getElementById("learners-box")!.scrollWidth,
      boxView: document.getElementById("learners-box")!.clientWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    expect(widths.box).toBeGreaterThan(widths.boxView);
    await page.screenshot({ path: join(shots, "fixture-phone-375.png"), fullPage: true });
  });

  it("uses large type on a projector and follows the dark colour scheme", async () => {
    await open(fixtureModel(), { width: 1920, height: 1080 });
    const fontSize = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(20);
    await page.screenshot({ path: join(shots, "fixture-projector-1920.png") });

    await page.emulateMedia({ colorScheme: "dark" });
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.screenshot({ path: join(shots, "fixture-projector-1920-dark.png") });
    await page.emulateMedia({ colorScheme: "light" });
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(dark).toBe("rgb(17, 20, 24)");
    expect(light).toBe("rgb(255, 255, 255)");
  });
});
