// The instructor pauses, extends and resumes a live session from the dashboard in a real browser
// (Debian's Chromium, driven by playwright-core), against a server in this process with a test
// clock: the header says the session is paused, the learners' time left stands still, "+5 min"
// moves it, and a learner's answer is refused while paused and taken after the resume.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DashboardWithTestClock, dashboardWithTestClock } from "./dashboard-with-test-clock";
import { chromiumSkipReason } from "../support/chromium";
import { HttpLearner, rightAnswerFor } from "../support/live-session.mjs";

const SLOW_MS = 90_000;
const skipReason = chromiumSkipReason();
const shots = mkdtempSync(join(tmpdir(), "sigmoid-dashboard-pause-"));

function rowOf(page: Page, name: string) {
  return page.locator("#learners-body tr", { has: page.locator("bdi", { hasText: name }) });
}

describe.skipIf(skipReason !== null)(
  `pause, resume and extend from the dashboard in Chromium${skipReason ? ` (${skipReason})` : ""}`,
  () => {
    let dashboard: DashboardWithTestClock;

    beforeAll(async () => {
      dashboard = await dashboardWithTestClock({ timeLimitMinutes: 10, count: 3, skills: ["sigmoid-value", "derivative-value"] });
    }, SLOW_MS);
    afterAll(async () => {
      await dashboard?.close();
      console.log(`dashboard pause screenshots: ${shots}`);
    });

    it(
      "pauses (the header says so, time left stands still, answers wait), adds 5 minutes, and resumes, live",
      async () => {
        const { server, url } = dashboard;
        const page = await dashboard.loggedIn();
        const aiko = new HttpLearner(url, server.session.code, "Aiko");
        await aiko.join();
        await aiko.state();
        await rowOf(page, "Aiko").waitFor();
        const pause = page.locator("#pause-button");
        expect(await pause.textContent()).toBe("Pause");
        expect(await page.locator("#extend-button").textContent()).toBe("+5 min");
        expect(await page.locator("#session-state").textContent()).toBe("open");

        server.clock.now += 30_000;
        await pause.click();
        await expect.poll(() => page.locator("#session-state").textContent()).toBe("paused");
        expect(await pause.textContent()).toBe("Resume");
        expect(await page.locator("#banner").textContent()).toContain("Paused");
        const refused = await aiko.act("answer", rightAnswerFor(aiko.question!));
        expect(refused.status).toBe(423);

        // Three minutes later (the server's clock) Ben joins, which sends a snapshot: Aiko's time
        // left is still 10 min less the 30 s before the pause, and stays so on the page's clock.
        server.clock.now += 180_000;
        const ben = new HttpLearner(url, server.session.code, "Ben");
        await ben.join();
        await ben.state();
        await rowOf(page, "Ben").waitFor();
        expect(await rowOf(page, "Aiko").locator("td.time-left").textContent()).toBe("9:30");
        expect(await rowOf(page, "Ben").locator("td.time-left").textContent()).toBe("10:00");
        // Three and a half minutes on her question, but paused: Aiko is not stuck.
        expect(await page.locator("#stuck").isVisible()).toBe(false);
        expect(await page.locator("tr.stuck").count()).toBe(0);
        await page.waitForTimeout(1100); // one tick of the page's clock
        expect(await rowOf(page, "Aiko").locator("td.time-left").textContent()).toBe("9:30");

        await page.locator("#extend-button").click();
        await expect.poll(() => page.locator("#time-added").textContent()).toBe("+5 min");
        await expect.poll(() => rowOf(page, "Aiko").locator("td.time-left").textContent()).toBe("14:30");
        await page.screenshot({ path: join(shots, "dashboard-paused-en.png"), fullPage: true });

        await page.locator('[data-lang="ja"]').click();
        expect(await pause.textContent()).toBe("再開");
        expect(await page.locator("#session-state").textContent()).toBe("一時停止中");
        expect(await page.locator("#extend-button").textContent()).toBe("+5 分");
        expect(await page.locator("#time-added").textContent()).toBe("+5 分");
        await page.locator('[data-lang="en"]').click();

        await pause.click();
        await expect.poll(() => page.locator("#session-state").textContent()).toBe("open");
        expect(await pause.textContent()).toBe("Pause");
        expect(await page.locator("#banner").isHidden()).toBe(true);
        const taken = await aiko.act("answer", rightAnswerFor(aiko.question!), refused.id);
        expect(taken.status).toBe(200);
        await expect.poll(() => rowOf(page, "Aiko").locator("td.cell").first().textContent()).not.toBe("▸");
        expect(dashboard.browser.problems.splice(0).filter((p) => !p.startsWith("HTTP 401"))).toEqual([]);
        await page.close();
      },
      SLOW_MS,
    );
  },
);
