// Screenshots for the README: the demo page with Unveil on, and the popup on it, in Chromium and
// Firefox, through the same harness as the E2E suite. Run after ./build.sh:
//   node tools/screenshots.mjs        → docs/*.png
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ROOT } from '../tests/e2e/lib/browsers.mjs';
import { startServer } from '../tests/server.mjs';

const OUT = join(ROOT, 'docs');
const POPUP_SIZE = { width: 400, height: 760 }; // Firefox: the popup page in a window this size

async function chromium(url) {
  // { popup: true }: puppeteer, so that the real toolbar popup opens.
  const browser = await launch('chromium', { popup: true });
  try {
    const tab = await browser.open(url);
    await tab.page.setViewport({ width: 1100, height: 760 });
    await tab.waitForUnveil({ state: 'ready' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await tab.page.screenshot({ path: join(OUT, 'page-chromium.png') });
    const popup = await browser.openPopup(tab);
    await popup.waitFor(() => document.querySelector('#summary li:not(.pending)') !== null, null, { timeout: 10_000 });
    await popup.text();
    await popup.tab.page.screenshot({ path: join(OUT, 'popup-chromium.png') });
  } finally {
    await browser.close();
  }
}

async function firefox(url) {
  const browser = await launch('firefox');
  try {
    const tab = await browser.open(url);
    await tab.waitForUnveil({ state: 'ready' });
    const popup = await browser.openPopup(tab);
    await popup.waitFor(() => document.querySelector('#summary li:not(.pending)') !== null, null, { timeout: 10_000 });
    await popup.text();
    const png = await browser.serialize(async () => {
      await browser.switchTo(popup.tab.handle, 'content');
      await browser.driver.manage().window().setRect({ width: POPUP_SIZE.width + 20, height: POPUP_SIZE.height + 120 });
      return browser.driver.takeScreenshot();
    });
    writeFileSync(join(OUT, 'popup-firefox.png'), Buffer.from(png, 'base64'));
  } finally {
    await browser.close();
  }
}

const server = await startServer({ port: 0 });
try {
  const url = `${server.url}/demo.html`;
  await chromium(url);
  await firefox(url);
  console.log('wrote docs/page-chromium.png, docs/popup-chromium.png, docs/popup-firefox.png');
} finally {
  await server.close();
}
