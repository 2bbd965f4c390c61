// The HTML a small embedded web server sends: short pages, device-ish wording.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// A page without a title has no <title> element at all: a fleet that names no title sends none.
const page = (title: string | undefined, body: string): string =>
  `<!DOCTYPE html>\n<html>\n<head><meta charset="utf-8">${title === undefined ? '' : `<title>${escapeHtml(title)}</title>`}</head>\n<body>\n${body}\n</body>\n</html>\n`;

export function homePage(title: string | undefined, content: string): string {
  return page(title, `${title === undefined ? '' : `<h1>${escapeHtml(title)}</h1>\n`}<div id="content">${escapeHtml(content)}</div>`);
}

export interface LoginFormView {
  title: string;
  action: string;
  userField: string;
  passField: string;
  csrfField: string;
  csrfToken: string;
  error?: string;
}

export function loginFormPage(view: LoginFormView): string {
  const error = view.error ? `<p class="error">${escapeHtml(view.error)}</p>\n` : '';
  return page(
    view.title,
    `<h1>${escapeHtml(view.title)}</h1>\n${error}<form method="post" action="${escapeHtml(view.action)}">\n` +
      `<input type="hidden" name="${escapeHtml(view.csrfField)}" value="${escapeHtml(view.csrfToken)}">\n` +
      `<label>User name <input type="text" name="${escapeHtml(view.userField)}"></label>\n` +
      `<label>Password <input type="password" name="${escapeHtml(view.passField)}"></label>\n` +
      `<button type="submit">Log in</button>\n</form>`,
  );
}

export function statusPage(status: number, reason: string, detail: string): string {
  return page(`${status} ${reason}`, `<h1>${status} ${escapeHtml(reason)}</h1>\n<p>${escapeHtml(detail)}</p>`);
}

export function lockoutPage(secondsLeft: number): string {
  return statusPage(429, 'Too Many Requests', `Too many failed login attempts. Try again in ${secondsLeft} seconds.`);
}
