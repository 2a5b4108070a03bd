// The editor, the New map dialog and the metrics window at 1280x720 in each UI
// language, each map from the template in that language, as a workshop team
// would open it. The screenshots (build/web/screenshots/lang-*.png, copied to
// docs/screenshots) are there to be looked at: Spanish and Portuguese run about
// 30% longer than English. What a test can see is checked here: the dialog,
// the map and the window open through the language's own menu words.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveSite, launchBrowser, openEditor, click, findItem, readText, waitForState, screenshot } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const LANGUAGES = [
  { locale: "en-US", code: "en", map: "Map", metrics: "Metrics and hotspots", template: "saas-journey", stage: "Awareness" },
  { locale: "es-ES", code: "es", map: "Mapa", metrics: "Métricas y puntos críticos", template: "saas-journey", stage: "Conocimiento" },
  { locale: "pt-BR", code: "pt-BR", map: "Mapa", metrics: "Métricas e pontos críticos", template: "acnce-funnel", stage: "Atrair" },
  { locale: "zh-CN", code: "zh-CN", map: "地图", metrics: "指标与热点", template: "b2b-journey-exit", stage: "认知" },
];

for (const l of LANGUAGES) {
  test(`in ${l.code} at 1280x720: the editor, New map and the metrics window`, async () => {
    const page = await openEditor(browser, server.url, { width: 1280, height: 720, locale: l.locale });

    await page.keyboard.press("Control+N");
    await findItem(page, new RegExp(`##template-${l.template}$`), { window: "New map" });
    await screenshot(page, `lang-new-map-${l.code}`);
    await click(page, new RegExp(`##template-${l.template}$`), { window: "New map" });
    await waitForState(page, (stage) => JSON.parse(window.journeymap.exportJSON()).stages[0]?.name === stage, l.stage,
      { what: `the ${l.template} template in ${l.code}` });
    await screenshot(page, `lang-editor-${l.code}`);

    await click(page, l.map);
    await click(page, new RegExp(`${l.metrics}$`));
    await findItem(page, /##hotspot$/);
    await screenshot(page, `lang-metrics-${l.code}`);
    const text = await readText(page, { window: "Metrics and hotspots" });
    assert.ok(text.length > 0);
    assert.deepEqual(page.jmErrors, []);
    await page.context().close();
  });
}
