// The instructor's dashboard in a real browser (Debian's Chromium, driven by playwright-core)
// against the real server: the built `serve --json` for logging in, a learner's answers appearing
// live, hostile names, the report and archive links, ending the session and the server going
// away; and a server in this process with a test clock for the stuck rule.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DashboardWithTestClock, dashboardWithTestClock } from "./dashboard-with-test-clock";
import { type BrowserSession, chromiumSkipReason, launchChromium } from "../support/chromium";
import { CLI } from "../support/cli";
import { HttpLearner, type RunningServe, rightAnswerFor, sigmoidForDerivativeFor, startServe } from "../support/live-session.mjs";

// The page's globals used inside page.evaluate (the tests' TypeScript has no DOM library).
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number };
  getElementById(id: string): { href: string };
};
declare const window: object;

const HOSTILE_HTML_NAME = "<img src=x onerror=alert(1)>";
/** Each test starts processes and a browser tab; on a loaded two-core machine that takes a while. */
const SLOW_MS = 90_000;
const skipReason = chromiumSkipReason();
const shots = mkdtempSync(join(tmpdir(), "sigmoid-dashboard-browser-"));

/** Answers every part of the learner's current question with `answer(question)`. */
async function answerQuestion(learner: HttpLearner, answer: (q: NonNullable<HttpLearner["question"]>) => string): Promise<string[]> {
  const number = learner.question!.number;
  const verdicts: string[] = [];
  while (learner.question && learner.question.number === number) {
    const response = await learner.act("answer", answer(learner.question));
    expect(response.status).toBe(200);
    const feedback = response.body.events.find((e: { type: string }) => e.type === "feedback");
    verdicts.push(feedback.feedback.verdict);
  }
  return verdicts;
}

/** The symbol the page shows for a question whose parts got these verdicts (the worst part's). */
function symbolFor(verdicts: string[]): string {
  if (verdicts.includes("incorrect")) return "✗";
  if (verdicts.includes("imprecise")) return "≈";
  return "✓";
}

function rowOf(page: Page, name: string) {
  return page.locator("#learners-body tr", { has: page.locator("bdi", { hasText: name }) });
}

describe.skipIf(skipReason !== null)(`the dashboard in Chromium against the server${skipReason ? ` (${skipReason})` : ""}`, () => {
  let browser: BrowserSession;
  let serve: RunningServe;
  let home: string;
  /** Aiko's learner token, for answering again after the server was resumed. */
  let aikoToken = "";

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), "sigmoid-dashboard-serve-"));
    [serve, browser] = await Promise.all([
      startServe(
        CLI,
        [
          "--port",
          "0",
          "--database",
          join(home, "pglite"),
          "--seed",
          "2024",
          "--count",
          "3",
          "--skill",
          "sigmoid-value",
          "--skill",
          "derivative-value",
          "--lang",
          "ja",
        ],
        { env: { SIGMOID_TRAINER_HOME: home, DATABASE_URL: undefined } },
      ),
      launchChromium(),
    ]);
  }, SLOW_MS);
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    rmSync(home, { recursive: true, force: true });
    console.log(`dashboard screenshots: ${shots}`);
  });

  it(
    "asks for the token, then shows each answer as it is given, without a reload",
    async () => {
      const { ready } = serve;
      const page = await browser.newPage();
      const refused = await page.goto(ready.dashboard);
      expect(refused?.status()).toBe(401);
      await page.locator('input[name="token"]').fill("not-the-token");
      const wrong = await Promise.all([page.waitForNavigation(), page.locator('input[name="token"]').press("Enter")]);
      expect(wrong[0]?.status()).toBe(401);
      expect(await page.locator("#learners").count()).toBe(0);

      await page.locator('input[name="token"]').fill(ready.token);
      await Promise.all([page.waitForURL(ready.dashboard), page.locator('input[name="token"]').press("Enter")]);
      await page.locator("#facts .fact").first().waitFor();
      expect(await page.locator("#session-code").textContent()).toBe(ready.session);
      expect(await page.locator("html").getAttribute("lang")).toBe("ja");
      expect(await page.locator("#join-command").textContent()).toBe(`sigmoid-trainer quiz --join ${ready.join} --name NAME`);
      expect(await page.locator("#facts").textContent()).toContain("2024");
      await page.evaluate(() => Object.assign(window, { loadedOnce: true }));

      const aiko = new HttpLearner(ready.url, ready.session, "Aiko");
      await aiko.join();
      aikoToken = aiko.token!;
      await aiko.state();
      await rowOf(page, "Aiko").waitFor();
      expect(await rowOf(page, "Aiko").locator(".place").textContent()).toMatch(/^問 1 \/ 3/);
      expect(await rowOf(page, "Aiko").locator("td.cell").allTextContents()).toEqual(["▸", "·", "·"]);

      const verdicts = await answerQuestion(aiko, rightAnswerFor);
      await expect.poll(() => rowOf(page, "Aiko").locator("td.cell").first().textContent()).toBe(symbolFor(verdicts));
      expect(symbolFor(verdicts)).toBe("✓");
      expect(await rowOf(page, "Aiko").locator("td.cell").nth(1).textContent()).toBe("▸");

      // Kenji gives σ where σ′ is asked; the room's mistakes name him.
      const kenji = new HttpLearner(ready.url, ready.session, "Kenji");
      await kenji.join();
      await kenji.state();
      while (
        kenji.question &&
        !kenji.events.some((e) => e.type === "feedback" && (e.feedback as { verdict: string }).verdict === "incorrect")
      ) {
        await answerQuestion(kenji, sigmoidForDerivativeFor);
      }
      await expect.poll(() => page.locator("#mistakes li").first().textContent()).toContain("Kenji");
      expect(await rowOf(page, "Kenji").locator("td.cell.incorrect").count()).toBeGreaterThan(0);
      expect(await page.evaluate(() => "loadedOnce" in window)).toBe(true);
      await page.screenshot({ path: join(shots, "dashboard-ja-1280.png"), fullPage: true });
      const problems = browser.problems.splice(0);
      expect(problems).toEqual(["HTTP 401 /dashboard", "HTTP 401 /dashboard/login"]);
      await page.close();
    },
    SLOW_MS,
  );

  it(
    "shows a hostile name as text; a bidirectional override is refused before it reaches the page",
    async () => {
      const { ready } = serve;
      const page = await browser.newPage();
      await page.goto(ready.dashboard); // the cookie from the first test
      await page.locator("#facts .fact").first().waitFor();
      const hostile = new HttpLearner(ready.url, ready.session, HOSTILE_HTML_NAME);
      await hostile.join();
      await hostile.state();
      await answerQuestion(hostile, () => "7");
      await expect.poll(() => rowOf(page, HOSTILE_HTML_NAME).locator("td.cell").first().textContent()).toBe("✗");
      expect(await page.locator("img").count()).toBe(0);
      expect(await rowOf(page, HOSTILE_HTML_NAME).locator("bdi").textContent()).toBe(HOSTILE_HTML_NAME);

      const bidi = new HttpLearner(ready.url, ready.session, "\u202EboB");
      await expect(bidi.join()).rejects.toThrow(/400/);
      expect(await page.locator("#learners-body tr").count()).toBe(3);
      expect(browser.problems).toEqual([]);

      // A phone: the page itself never scrolls sideways; the table scrolls in its box.
      await page.setViewportSize({ width: 375, height: 667 });
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        view: document.documentElement.clientWidth,
      }));
      expect(widths.page).toBeLessThanOrEqual(widths.view);
      await page.screenshot({ path: join(shots, "dashboard-phone-375.png"), fullPage: true });
      await page.close();
    },
    SLOW_MS,
  );

  it(
    "reconnects by itself when the server is killed and resumed, links the report and the archive, and ends the session after a confirmation",
    async () => {
      const { ready } = serve;
      const page = await browser.newPage();
      await page.goto(ready.dashboard);
      await page.locator("#learners-body tr").first().waitFor();
      await page.evaluate(() => Object.assign(window, { loadedOnce: true }));

      // kill -9: the page says it is reconnecting; `serve --resume` on the same port and database brings it back.
      serve.child.kill("SIGKILL");
      await serve.exited;
      await page.locator("#banner.warn").waitFor({ timeout: 15_000 });
      expect(await page.locator("#banner").textContent()).toBe("サーバーとの接続が切れました。再接続しています…");
      const port = new URL(ready.url).port;
      serve = await startServe(CLI, ["--port", port, "--database", join(home, "pglite"), "--resume", ready.session], {
        env: { SIGMOID_TRAINER_HOME: home, DATABASE_URL: undefined },
      });
      await page.locator("#banner").waitFor({ state: "hidden", timeout: 20_000 });
      expect(await page.locator("#learners-body tr").count()).toBe(3);
      const aiko = new HttpLearner(ready.url, ready.session, "Aiko");
      aiko.token = aikoToken;
      await aiko.state();
      const verdicts = await answerQuestion(aiko, () => "7");
      await expect.poll(() => rowOf(page, "Aiko").locator("td.cell").nth(1).textContent()).toBe(symbolFor(verdicts));
      expect(await page.evaluate(() => "loadedOnce" in window)).toBe(true);

      // The links work with the page's own login (the cookie), as a click would send it.
      const fetched = await page.evaluate(async () => {
        const get = async (id: string) => {
          const response = await fetch(document.getElementById(id).href);
          const bytes = new Uint8Array(await response.arrayBuffer());
          return {
            status: response.status,
            type: response.headers.get("content-type"),
            text: new TextDecoder().decode(bytes),
            first: [...bytes.slice(0, 2)],
          };
        };
        return {
          reportMd: await get("report-md"),
          reportCsv: await get("report-csv"),
          reportJson: await get("report-json"),
          archive: await get("export"),
        };
      });
      expect(fetched.reportMd.status).toBe(200);
      expect(fetched.reportMd.text).toContain("Aiko");
      expect(fetched.reportCsv.status).toBe(200);
      expect(fetched.reportCsv.text).toContain("Kenji");
      expect(fetched.reportJson.status).toBe(200);
      expect(JSON.parse(fetched.reportJson.text)).toBeTypeOf("object");
      expect(fetched.archive.status).toBe(200);
      expect(fetched.archive.type).toBe("application/zip");
      expect(fetched.archive.first).toEqual([0x50, 0x4b]); // "PK"

      await page.locator("#end-button").click();
      await page.getByRole("button", { name: "キャンセル" }).click();
      expect((await aiko.act("hint")).status).toBe(200);
      await page.locator("#end-button").click();
      await page.locator("#end-confirm").click();
      await page.locator("#banner.info").waitFor();
      expect(await page.locator("#session-state").textContent()).toBe("終了");
      expect(await page.locator("#end-button").isDisabled()).toBe(true);
      expect((await aiko.act("answer", "0.5")).status).toBe(410);
      await page.close();
    },
    SLOW_MS,
  );
});

describe.skipIf(skipReason !== null)(
  `the stuck rule in Chromium, with the server's test clock${skipReason ? ` (${skipReason})` : ""}`,
  () => {
    let dashboard: DashboardWithTestClock;

    beforeAll(async () => {
      dashboard = await dashboardWithTestClock({ skills: ["sigmoid-value", "derivative-value"], count: 3 });
    }, SLOW_MS);
    afterAll(async () => {
      await dashboard?.close();
    });

    it(
      "puts a learner who has spent more than 2 minutes on one question first, marked and in the callout",
      async () => {
        const { server, url } = dashboard;
        const page = await dashboard.loggedIn();
        const aiko = new HttpLearner(url, server.session.code, "Aiko");
        const kenji = new HttpLearner(url, server.session.code, "Kenji");
        await aiko.join();
        await kenji.join();
        await kenji.state();
        await aiko.state();
        await page.locator("#learners-body tr").nth(1).waitFor();
        expect(await page.locator("#learners-body bdi").allTextContents()).toEqual(["Aiko", "Kenji"]);
        expect(await page.locator("#stuck").isVisible()).toBe(false);

        // Two minutes and a second later Aiko answers (a change, so a snapshot); Kenji has not moved.
        server.clock.now += 121_000;
        await answerQuestion(aiko, rightAnswerFor);
        await expect.poll(() => page.locator("#learners-body bdi").allTextContents()).toEqual(["Kenji", "Aiko"]);
        expect(await page.locator("tr.stuck bdi").allTextContents()).toEqual(["Kenji"]);
        expect(await page.locator("tr.stuck .stuck-mark").textContent()).toBe(" ⚠ stuck");
        expect(await page.locator("#stuck-list").textContent()).toMatch(/^Kenji — Q1, 2:0\d$/);
        await page.screenshot({ path: join(shots, "dashboard-stuck-en.png"), fullPage: true });
        await page.close();
      },
      SLOW_MS,
    );
  },
);
