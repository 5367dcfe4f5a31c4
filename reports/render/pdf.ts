/** PDF output: the HTML report printed by the system Chromium (never a downloaded browser). */
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, requireChromium } from '../../config/chromium.js';
import type { RadarConfig } from '../../config/schema.js';

/** Prints an HTML file to PDF with headless Chromium. */
export async function htmlToPdf(htmlFile: string, pdfFile: string, settings: Pick<RadarConfig['crawl'], 'chromiumPath'>): Promise<void> {
  const { chromium } = await import('playwright');
  const browser = await chromium.launch({
    executablePath: requireChromium(settings, 'the PDF report'),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    await page.pdf({
      path: pdfFile,
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
    });
  } finally {
    await browser.close();
  }
}
