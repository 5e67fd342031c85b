import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from '../fixtures/launch-app';
import { cutTexts, layoutShot, onScreenAndOnTop, windowSizes } from '../pages/layout';
import { chooseInMultiSelect } from '../pages/guided-job';
import { ShellPage } from '../pages/shell';

// Issue 13: the Snapshots and AMIs pages list what each profile of the scope owns and what is
// shared with it — key, encryption state, sharing — on the shared DataTable.

test.describe.configure({ timeout: 480_000 });
test.use({ actionTimeout: 20_000 });

const rows = (page: Page, name: string) =>
  page.getByRole('table', { name }).locator('tbody tr[data-row-id]');
const row = (page: Page, name: string, text: string) => rows(page, name).filter({ hasText: text });

async function chooseScope(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Scope:/ }).click();
  await chooseInMultiSelect(page, 'Profiles', ['Sandbox · prod', 'Sandbox · backup']);
  await chooseInMultiSelect(page, 'Regions', ['us-east-1', 'us-west-2']);
  await page.getByRole('button', { name: 'Read this scope' }).click();
  await expect(page.getByRole('button', { name: /^Scope: 2 profiles × 2 regions/ })).toBeVisible();
}

async function allCellsDone(page: Page): Promise<void> {
  for (const profile of ['prod', 'backup']) {
    for (const region of ['us-east-1', 'us-west-2']) {
      await expect(page.getByTestId(`cell-Sandbox · ${profile}-${region}`)).toHaveAttribute(
        'data-status',
        'done',
        { timeout: 90_000 },
      );
    }
  }
}

async function axeClean(page: Page): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`,
      );
    expect(blocking, scheme).toEqual([]);
  }
}

/** At both sizes nothing is cut and the first row's Details stays reachable; shots in both themes. */
async function layoutAtBothSizes(page: Page, testInfo: TestInfo, table: string, name: string) {
  for (const size of windowSizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await expect(rows(page, table).first()).toBeVisible();
    expect(await cutTexts(page), size.name).toEqual([]);
    const details = rows(page, table)
      .first()
      .getByRole('button', { name: /^Details of / });
    expect(await onScreenAndOnTop(details), size.name).toEqual({ inside: true, onTop: true });
    await page.mouse.move(0, 0);
    for (const theme of ['light', 'dark'] as const)
      await layoutShot(page, testInfo, size, name, theme);
  }
}

test('snapshots: owned and shared with you, with their keys; search, filter, detail', async ({
  keyward,
}, testInfo) => {
  const { page } = keyward;
  const shell = new ShellPage(page);
  await shell.open('Snapshots');
  await expect(shell.heading('Snapshots')).toBeVisible();
  await chooseScope(page);
  await allCellsDone(page);
  await expect(page.getByTestId('cell-Sandbox · prod-us-east-1')).toContainText('6 snapshots');

  const table = 'Snapshots';
  await expect(row(page, table, 'db-primary-nightly').first()).toContainText(
    'customer managed key alias/ebs-workloads',
  );
  await expect(row(page, table, 'legacy-batch-root')).toContainText('Encrypted · aws/ebs');
  await expect(row(page, table, 'legacy-batch-root')).toContainText(
    "can't be shared — re-encrypt first",
  );
  await expect(row(page, table, 'build cache warm-up')).toContainText('Not encrypted');
  // backup's snapshot shared with prod in us-west-2: prod sees it as shared with it.
  const sharedWithProd = rows(page, table).filter({ hasText: 'Sandbox · prod' }).filter({
    hasText: 'snap-0bac0000000000004',
  });
  await expect(sharedWithProd).toContainText('Shared with you');
  await expect(sharedWithProd).toContainText('by 222222222222');
  // Sharing of owned rows is read for the rows on screen.
  await expect(row(page, table, 'db-primary-nightly').first()).toContainText('Not shared', {
    timeout: 30_000,
  });

  const count = page.getByTestId('row-count');
  const total = Number((await count.textContent())?.match(/^(\d+) snapshots/)?.[1]);
  expect(total).toBe(11);
  await page.getByRole('textbox', { name: 'Search snapshots' }).fill('legacy');
  await expect(count).toHaveText(new RegExp(`^2 of ${total} snapshots`));
  await page.getByRole('textbox', { name: 'Search snapshots' }).fill('');
  await page.getByRole('button', { name: 'Filter Owner' }).click();
  await page.getByRole('checkbox', { name: /^Shared with you/ }).click();
  await page.keyboard.press('Escape');
  await expect(count).toHaveText(new RegExp(`^1 of ${total} snapshots`));
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText(new RegExp(`^${total} snapshots`));

  await axeClean(page);
  await layoutAtBothSizes(page, testInfo, table, 'snapshots');

  // The detail panel: everything, with the key and a way to its page.
  await row(page, table, 'db-primary-nightly')
    .first()
    .getByRole('button', { name: /^Details of / })
    .click();
  const drawer = page.getByRole('dialog', { name: /^Snapshot db-primary-nightly/ });
  await expect(drawer).toContainText('snap-0d15c000000000001');
  await expect(drawer).toContainText('customer managed · Enabled');
  await expect(drawer).toContainText('Not shared with any other account.');
  const keyLink = drawer.getByRole('link', { name: 'Open key alias/ebs-workloads' });
  await expect(keyLink).toHaveAttribute('href', /\/keys\/[^/]+\/us-east-1\/1a2b3c4d-0003-/);
  await axeClean(page);
  for (const size of windowSizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await layoutShot(page, testInfo, size, 'snapshot-detail', 'light');
  }
  await keyLink.click();
  await expect(page).toHaveURL(/\/keys\/[^/]+\/us-east-1\/1a2b3c4d-0003-/);
});

test('AMIs: each with the keys of its backing snapshots', async ({ keyward }, testInfo) => {
  const { page } = keyward;
  const shell = new ShellPage(page);
  await shell.open('AMIs');
  await expect(shell.heading('AMIs')).toBeVisible();
  await chooseScope(page);
  await allCellsDone(page);

  const table = 'AMIs';
  const web = row(page, table, 'web-tier-golden-2026-11');
  await expect(web).toContainText('customer managed key alias/ebs-workloads');
  await expect(web).toContainText('2 disks');
  await expect(row(page, table, 'legacy-batch-2024')).toContainText(
    "can't be shared — re-encrypt first",
  );
  await page.getByRole('textbox', { name: 'Search AMIs' }).fill('legacy');
  await expect(page.getByTestId('row-count')).toHaveText(/^1 of 2 AMIs/);
  await page.getByRole('textbox', { name: 'Search AMIs' }).fill('');

  await axeClean(page);
  await layoutAtBothSizes(page, testInfo, table, 'amis');

  await web.getByRole('button', { name: /^Details of / }).click();
  const drawer = page.getByRole('dialog', { name: /^AMI web-tier-golden-2026-11/ });
  await expect(drawer).toContainText('snap-0d15c000000000002');
  await expect(drawer).toContainText('snap-0d15c000000000003');
  await expect(drawer).toContainText('Used by /dev/xvda, /dev/xvdb');
  await expect(drawer.getByRole('link', { name: 'Open key alias/ebs-workloads' })).toBeVisible();
  await expect(drawer).toContainText('Not shared with any other account.');
  await axeClean(page);
  for (const size of windowSizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await layoutShot(page, testInfo, size, 'ami-detail', 'light');
  }
});
