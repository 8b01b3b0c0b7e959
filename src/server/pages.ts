// The server's own small HTML pages (the dashboard itself is in dashboard/): the login form and
// the note a browser gets at a join address. No inline script or style (CSP default-src 'self').

/** Text for HTML: every character that could open markup or an attribute is an entity. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>\n`;
}

export function loginPage(wrong: boolean): string {
  return page(
    "sigmoid-trainer: dashboard",
    `<h1>sigmoid-trainer</h1><p>講師用トークンを入力してください。 / Enter the instructor token that <code>serve</code> printed.</p>${
      wrong ? "<p><strong>トークンが違います。 / Wrong token.</strong></p>" : ""
    }<form method="post" action="/dashboard/login"><label>Token <input name="token" type="password" autocomplete="off" required></label> <button type="submit">Open</button></form>`,
  );
}

export function joinPage(code: string, url: string): string {
  const command = `sigmoid-trainer quiz --join ${url} --name NAME`;
  return page(
    `sigmoid-trainer: session ${code}`,
    `<h1>sigmoid-trainer</h1><p>このセッションには端末から参加します。 / Join this session from a terminal:</p><pre>${escapeHtml(command)}</pre>`,
  );
}
