import { DescribeSnapshotsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { expect, test } from '../fixtures/launch-app';
import { sandboxAdmin } from '../fixtures/sandbox-admin';
import { chooseCopyToEuWest, SOURCE_SNAPSHOT, startCopy } from '../pages/copy-snapshot-wizard';
import { checkStep } from '../pages/guided-job';
import { cutTexts, saveShot, windowSizes } from '../pages/layout';
import { ShellPage } from '../pages/shell';

// Issue 13 "Crash": the host process is killed (SIGKILL) while the snapshot copy is in progress,
// started again on the same data dir, offers the interrupted run, continues it, and exactly one
// copy exists. The embedded sandbox keeps its state in <data dir>/sandbox/sandbox.db (SQLite,
// committed per call), so it survives the kill as AWS would; a copy's progress is derived from
// its start time and duration, so it goes on "in AWS" while Keyward is down. Copies take 30 s here
// (KEYWARD_SANDBOX_EC2_ASYNC_MS) so that the kill lands mid-copy.

test.describe.configure({ timeout: 600_000 });
test.use({ actionTimeout: 20_000, appEnv: { KEYWARD_SANDBOX_EC2_ASYNC_MS: '30000' } });

const small = windowSizes[0];

test('a run cut off by killing the host mid-copy is offered at the next start, continues, and makes one copy', async ({
  keyward,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'kills the browser-mode host process');
  let page = keyward.page;
  await page.setViewportSize({ width: small.width, height: small.height });
  await chooseCopyToEuWest(page);
  await page.getByRole('button', { name: 'Next: Preview' }).click();
  await startCopy(page);
  // The copy exists in AWS and is pending: the wait step reports the snapshot's Progress.
  await expect(page.getByTestId('workflow-progress')).toContainText(/is completed — \d+%/, {
    timeout: 120_000,
  });

  page = await keyward.restart({ crash: true });
  await page.setViewportSize({ width: small.width, height: small.height });
  const offer = page.getByTestId('interrupted-run');
  await expect(offer).toContainText('A run was interrupted');
  await expect(offer).toContainText(`Copy ${SOURCE_SNAPSHOT} from us-east-1 to eu-west-1`);
  await expect(offer).toContainText('1 of 3 steps done');
  await checkStep(page, testInfo, 'runs-offer');

  await offer.getByRole('button', { name: 'Continue' }).click();
  await expect(offer).toBeHidden();
  await expect(page).toHaveURL(/#\/runs\/[a-z0-9-]+\?continue=1$/);
  const runId = /#\/runs\/([a-z0-9-]+)/.exec(page.url())?.[1] ?? '';
  await expect(page.getByTestId('workflow-done')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('run-outcome')).toContainText('Done');
  const steps = page.getByTestId('run-step');
  await expect(steps).toHaveCount(3);
  for (const step of await steps.all()) await expect(step).toContainText('Done');
  await expect(steps.first()).toContainText(/snapshotId: snap-[0-9a-f]{17}/);
  await expect(
    page.getByTestId('run-event').filter({ hasText: 'CopySnapshot' }).first(),
  ).toBeVisible();
  await checkStep(page, testInfo, 'run-detail');
  await page.getByRole('table', { name: 'CloudTrail events of the run' }).scrollIntoViewIfNeeded();
  await saveShot(page, testInfo, '1024x700-run-detail-events.png');

  const { config } = await sandboxAdmin(keyward.host!, keyward.dataDir, 'prod');
  const ec2 = new EC2Client({ ...config, region: 'eu-west-1' });
  const copies = await ec2.send(
    new DescribeSnapshotsCommand({
      OwnerIds: ['self'],
      Filters: [{ Name: 'tag:keyward:run-id', Values: [runId] }],
    }),
  );
  ec2.destroy();
  expect(copies.Snapshots?.map((s) => s.State)).toEqual(['completed']);

  await page.getByRole('link', { name: 'Open in Audit' }).click();
  await expect(page.getByTestId('audit-filter')).toContainText(`Run: ${runId}`);

  await new ShellPage(page).open('Runs');
  const row = page.getByRole('table', { name: 'Runs' }).locator('tbody tr[data-row-id]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Done');
  await expect(row).toContainText('3 of 3 steps done');
  await checkStep(page, testInfo, 'runs-list');
  const large = windowSizes[1];
  await page.setViewportSize({ width: large.width, height: large.height });
  expect(await cutTexts(page)).toEqual([]);
  await saveShot(page, testInfo, `${large.name}-runs-list.png`);
});
