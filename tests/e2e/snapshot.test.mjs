// What the page layer's walk leaves out must not lose the article: it sends a site menu's
// <nav> without its insides (links and labels: never article, never an overlay), but a <nav>
// that holds the article (broken markup wrapping the page in one) is walked like any element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openAndSettle, eachBrowser, pageState, serverAndBrowser } from './lib/fixtures.mjs';

eachBrowser('snapshot', (name) => {
  const env = serverAndBrowser(name, { setUp: (browser) => browser.resetSettings() });

  test('a <nav> that holds the article is walked: the article and its quotes are found', async () => {
    const tab = await openAndSettle(env.browser, `${env.server.url}/nav-wrapped-article.html`, { state: 'ready', settle: 300 });
    try {
      const { article, speakers } = (await pageState(env.browser, tab)).state;
      assert.equal(article?.title, 'Island ferry to sail again in April');
      assert.ok(article.word_count >= 120, `the whole story: ${article.word_count} words`);
      const names = speakers.map((group) => group.speaker);
      assert.ok(names.includes('Lena Brandt') && names.includes('Tomas Ek'), `speakers: ${names}`);
      assert.equal(await tab.evaluate(() => document.querySelectorAll('unveil-quote').length > 0), true, 'its quotes are marked');
    } finally {
      await tab.close();
    }
  });
});
