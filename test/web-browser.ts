/** What the web app's browser tests share: console errors collected per page, and signing in with a token. */
import type { Page } from 'playwright';

/** Collects the page's console errors and uncaught errors into `errors` (a test expects none). */
export function watchConsole(page: Page, errors: string[]): Page {
  page.on('console', (m) => m.type() === 'error' && errors.push(`${page.url()}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return page;
}

/** Signs in on the sign-in page with an access token and waits for the overview. */
export async function signIn(page: Page, base: string, token: string): Promise<void> {
  await page.goto(`${base}/signin`);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/`);
}
