// The dashboard in Chromium against a server in this process whose clock the test moves (the
// stuck rule, a pause's time standing still): what the browser tests that need the clock share.
import type { Page } from "playwright-core";
import type { QuizSettings } from "../../src/quiz/settings";
import { type BrowserSession, launchChromium } from "../support/chromium";
import { startTestServer, type TestServer } from "../support/server";
import { openTestDatabase } from "../support/server-db";

export interface DashboardWithTestClock {
  browser: BrowserSession;
  server: TestServer;
  /** The server's address, http://127.0.0.1:PORT. */
  url: string;
  /** A new tab on the dashboard, logged in with the instructor's token. */
  loggedIn(): Promise<Page>;
  close(): Promise<void>;
}

export async function dashboardWithTestClock(settings: Partial<QuizSettings>): Promise<DashboardWithTestClock> {
  const [browser, database] = await Promise.all([launchChromium(), openTestDatabase()]);
  const server = await startTestServer(database.db, { lang: "en", settings });
  const url = await server.app.listen({ port: 0, host: "127.0.0.1" });
  return {
    browser,
    server,
    url,
    async loggedIn() {
      const page = await browser.newPage();
      await page.goto(`${url}/dashboard`);
      await page.locator('input[name="token"]').fill(server.session.session.instructorToken);
      await Promise.all([page.waitForURL(`${url}/dashboard`), page.locator('input[name="token"]').press("Enter")]);
      return page;
    },
    async close() {
      await browser.close();
      await server.stop();
      await server.app.close();
      await database.cleanup();
    },
  };
}
