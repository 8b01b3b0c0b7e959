// Debian's Chromium for the dashboard's browser tests, driven by playwright-core. Never a
// downloaded browser: playwright-core has none of its own, and executablePath names the system one.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Why the browser tests cannot run here, or null when they can. With CI set a missing browser is
 * no reason: .ci/run installs it, so the tests run and fail loudly instead of passing by skipping.
 */
export function chromiumSkipReason(path = CHROMIUM_PATH, env: NodeJS.ProcessEnv = process.env): string | null {
  if (existsSync(path) || env.CI) return null;
  return `skipped: ${path} is missing (apt-get install chromium fonts-noto-cjk)`;
}

export interface BrowserSession {
  context: BrowserContext;
  /**
   * A new tab; its page errors, console errors (a Content-Security-Policy violation is one),
   * dialogs (an injected alert) and failed requests (but the browser's own /favicon.ico) are
   * collected in `problems`.
   */
  newPage(): Promise<Page>;
  problems: string[];
  close(): Promise<void>;
}

/** Chromium with a fresh profile in a temporary directory, removed again by close(). */
export async function launchChromium(options: { viewport?: { width: number; height: number } } = {}): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), "sigmoid-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  const problems: string[] = [];
  return {
    context,
    problems,
    async newPage() {
      const page = await context.newPage();
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      // A failed request is reported with its address here; the console's note of it has none.
      page.on("response", (response) => {
        const url = new URL(response.url());
        if (response.status() >= 400 && url.pathname !== "/favicon.ico") problems.push(`HTTP ${response.status()} ${url.pathname}`);
      });
      page.on("console", (message) => {
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
          problems.push(`console: ${message.text()}`);
      });
      page.on("dialog", (dialog) => {
        problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
        void dialog.dismiss();
      });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
