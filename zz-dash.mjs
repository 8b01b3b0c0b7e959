// manual check helper (not committed)
import { chromium } from "playwright-core";
const [url, token, out, lang = "en", action = ""] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === "ja" ? "ja-JP" : "en-US" });
const page = await context.newPage();
page.on("console", (m) => m.type() === "error" && console.log("console error:", m.text()));
page.on("pageerror", (e) => console.log("page error:", e.message));
await page.goto(url);
await page.fill("input[name=token]", token);
await Promise.all([page.waitForNavigation(), page.click("button[type=submit], input[type=submit]")]);
await page.waitForTimeout(1500);
if (action) {
  for (const label of action.split(",")) {
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: new RegExp(label, "i") }).first().click();
    await page.waitForTimeout(1200);
  }
}
await page.screenshot({ path: `${out}-1280.png`, fullPage: true });
await page.setViewportSize({ width: 375, height: 800 });
await page.waitForTimeout(500);
await page.screenshot({ path: `${out}-375.png`, fullPage: true });
console.log("scrollWidth at 375:", await page.evaluate(() => document.documentElement.scrollWidth));
console.log((await page.innerText("body")).slice(0, 1500));
await browser.close();
