/**
 * Layout at desk and phone widths, in both languages: no page scrolls sideways, every action in a
 * table row is inside the viewport at ≥ 1024 px, and no page logs a console error (hydration
 * errors included).
 */
import type { Page } from "@playwright/test";
import { DEMO } from "../support/demo";
import { expect, logIn, test } from "../support/fixtures";

const WIDTHS = [1440, 1024, 390] as const;
const LANGUAGES = ["en", "zh"] as const;
const LIST_PAGES = ["/dashboard", "/deals", "/titles", "/catalogue", "/statements", "/avails"];

/** The main pages: the lists, plus the first deal, its statements and the first statement they link to. */
async function mainPages(page: Page): Promise<string[]> {
  await page.goto("/deals?status=SIGNED");
  const deal = await page.locator('table a[href^="/deals/"]').first().getAttribute("href");
  await page.goto("/deals?status=DRAFT");
  const draft = await page.locator('table a[href^="/deals/"]').first().getAttribute("href");
  await page.goto("/statements");
  const statement = await page.locator('a[href^="/statements/"]').first().getAttribute("href");
  return [...LIST_PAGES, ...[deal, draft, deal && `${deal}/statements`, statement].filter((p): p is string => Boolean(p))];
}

async function overflow(page: Page) {
  return page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    const actions = [...document.querySelectorAll("tbody tr button, tbody tr a[role='button'], tbody tr [data-row-action]")]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => {
        const box = el.getBoundingClientRect();
        return { text: (el.textContent || el.getAttribute("aria-label") || "").trim(), left: box.left, right: box.right };
      })
      .filter((a) => a.left < 0 || a.right > window.innerWidth + 0.5);
    return { scrollWidth: scroller.scrollWidth, innerWidth: window.innerWidth, actionsOutside: actions };
  });
}

for (const language of LANGUAGES) {
  test(`layout in ${language}: no sideways scrolling, row actions in view, no console errors`, async ({ page, baseURL }) => {
    test.slow();
    const errors: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(`${page.url()}: ${msg.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: language, url: baseURL ?? "http://localhost:3000" }]);
    await logIn(page, DEMO.studio);
    const pages = await mainPages(page);
    expect(pages.length).toBeGreaterThan(LIST_PAGES.length);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of pages) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        const seen = await overflow(page);
        expect.soft(seen.scrollWidth, `${path} at ${width}px scrolls sideways`).toBeLessThanOrEqual(seen.innerWidth);
        if (width >= 1024) expect.soft(seen.actionsOutside, `${path} at ${width}px: row actions out of view`).toEqual([]);
      }
    }
    expect(errors).toEqual([]);
  });
}
