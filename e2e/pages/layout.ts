import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';

/** The window sizes the layout must hold at (issue 11 §4): the smallest supported, and a common one. */
export const windowSizes = [
  { name: '1024x700', width: 1024, height: 700 },
  { name: '1400x900', width: 1400, height: 900 },
] as const;
export type WindowSize = (typeof windowSizes)[number];

export const layoutShotsDir = resolve(import.meta.dirname, '../../test-results/layout');

/**
 * Every visible text that is cut: an element marked `data-no-truncate`, a badge, a button or a
 * table cell whose content is wider than its box (`scrollWidth > clientWidth`). Returns a short
 * description of each, so a failure names what was cut.
 */
export function cutTexts(page: Page): Promise<string[]> {
  const selector = [
    '[data-no-truncate]',
    '.mantine-Badge-root',
    '.mantine-Badge-label',
    '.mantine-Button-root',
    '.mantine-Button-label',
    'td',
    'th',
  ].join(', ');
  return page.locator(selector).evaluateAll((elements) =>
    elements.flatMap((element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return [];
      const view = element.ownerDocument.defaultView;
      if (view?.getComputedStyle(element).visibility === 'hidden') return [];
      if (element.scrollWidth <= element.clientWidth + 1) return [];
      const text = (element.textContent ?? '').trim().slice(0, 60);
      const kind = `${element.tagName.toLowerCase()}.${element.className.toString().split(' ')[0] ?? ''}`;
      return [`${kind} “${text}” (${element.scrollWidth} > ${element.clientWidth})`];
    }),
  );
}

/** Scrolls the window (never a table sideways) so that `element` is in the middle of the view. */
export async function centre(element: Locator): Promise<void> {
  await element.evaluate((node) => {
    const box = node.getBoundingClientRect();
    const view = node.ownerDocument.defaultView;
    view?.scrollBy(0, box.top + box.height / 2 - view.innerHeight / 2);
  });
}

/** Whether `element` lies wholly inside the viewport and is what a click at its centre hits. */
export function onScreenAndOnTop(element: Locator): Promise<{ inside: boolean; onTop: boolean }> {
  return element.evaluate((node) => {
    const box = node.getBoundingClientRect();
    const { documentElement } = node.ownerDocument;
    const inside =
      box.left >= 0 &&
      box.top >= 0 &&
      box.right <= documentElement.clientWidth &&
      box.bottom <= documentElement.clientHeight;
    const hit = node.ownerDocument.elementFromPoint(
      box.left + box.width / 2,
      box.top + box.height / 2,
    );
    return { inside, onTop: hit !== null && (hit === node || node.contains(hit)) };
  });
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Writes a screenshot to test-results/layout/<file> and attaches it to the test report. */
export async function saveShot(page: Page, testInfo: TestInfo, file: string): Promise<void> {
  // Let transitions (modal, toast, colour) settle before the picture.
  await page.waitForTimeout(400);
  const body = await page.screenshot();
  await mkdir(layoutShotsDir, { recursive: true });
  await writeFile(join(layoutShotsDir, file), body);
  await testInfo.attach(file, { body, contentType: 'image/png' });
}

/**
 * A screenshot of the window in one colour scheme (the app follows the OS unless Settings says
 * otherwise): test-results/layout/<size>-<page>-<theme>.png, attached to the report too.
 */
export async function layoutShot(
  page: Page,
  testInfo: TestInfo,
  size: WindowSize,
  name: string,
  theme: 'light' | 'dark',
): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.locator(`html[data-mantine-color-scheme="${theme}"]`).waitFor();
  await saveShot(page, testInfo, `${size.name}-${name}-${theme}.png`);
}
