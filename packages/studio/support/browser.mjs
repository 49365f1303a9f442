/**
 * The studio in Debian's headless Chromium (playwright-core), for the tests, the
 * bench and the docs' screenshots: a page that records CSP violations, errors
 * thrown and failed requests, and helpers that read the studio's state.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=zh-CN',
];
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export async function launch() {
  if (!existsSync(CHROME))
    throw new Error(`Chromium not found at ${CHROME} (apt-get install chromium, or set CHROME_PATH)`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROME, headless: true, args: ARGS });
}

/** Opens the studio at `url` in a new context with clipboard access; returns the page and what it recorded. */
export async function openStudio(browser, url, { viewport = { width: 1440, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  const record = { violations: [], errors: [] };
  await page.exposeFunction('__gkViolation', (text) => record.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__gkViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  page.on('pageerror', (error) => record.errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('gk-studio .cm-content');
  return { page, context, record };
}

/** The editor's text. */
export const editorText = (page) => page.evaluate(() => document.querySelector('gk-studio').text);

/** Replaces the editor's text (as a paste would: one insertText), for setting up a case. */
export async function setEditorText(page, text) {
  await page.locator('gk-studio .cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/** Puts the cursor at the start of a (short, unwrapped) line with real key presses, as a person would. */
export async function gotoLine(page, line) {
  await page.locator('gk-studio .cm-content').click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
}

/** The 1-based number of the first line of the editor's text that includes `text`. */
export const lineOf = async (page, text) =>
  (await editorText(page)).split('\n').findIndex((line) => line.includes(text)) + 1;

/** Waits until the studio has checked the current text (its problem heading shows a count). */
export async function settled(page) {
  await page.waitForTimeout(60);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The problem list as [{ where, what }]. */
export function problems(page) {
  return page.evaluate(() =>
    [...document.querySelector('gk-studio').shadowRoot.querySelectorAll('.problems li')].map((li) => ({
      where: li.querySelector('.where')?.textContent.trim() ?? '',
      what: li.querySelector('.what')?.textContent.trim() ?? '',
    })),
  );
}

/** The line number CodeMirror shows as the cursor's. */
export const cursorLine = (page) =>
  page.evaluate(() =>
    Number(document.querySelector('gk-studio').shadowRoot.querySelector('.cm-activeLineGutter')?.textContent),
  );

/** Saves a screenshot for the docs when GONGKAI_SCREENSHOTS is set. */
export async function screenshot(page, name, options = {}) {
  if (!process.env.GONGKAI_SCREENSHOTS) return;
  const dir = join(ROOT, 'docs', 'images');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `studio-${name}.png`), ...options });
}
