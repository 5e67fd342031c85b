import type { EC2Client } from '@aws-sdk/client-ec2';
import { KeywardError } from '../../../src-shared/errors';
import type { StepEnv } from '../step-kind';
import { backingSnapshotIds, describeImage } from './images';
import { describeSnapshot } from './snapshots';

/** Between polls of DescribeImages while an AMI is `pending`. */
const POLL_MS = 5000;

/** Progress of a pending copy: the mean `Progress` of the snapshots it is copying. */
async function copyProgress(ec2: EC2Client, imageId: string): Promise<number> {
  const image = await describeImage(ec2, imageId);
  const ids = backingSnapshotIds(image);
  if (ids.length === 0) return 0;
  let sum = 0;
  for (const id of ids) {
    const n = Number.parseInt((await describeSnapshot(ec2, id)).Progress ?? '', 10);
    sum += Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0;
  }
  return sum / ids.length / 100;
}

/** Waits until a copied AMI is `available`; `failed` stops the run with AWS's reason. */
export async function waitImageAvailable(
  env: StepEnv,
  ec2: EC2Client,
  imageId: string,
): Promise<void> {
  for (;;) {
    const image = await describeImage(ec2, imageId);
    if (image.State === 'available') return;
    if (image.State === 'failed' || image.State === 'error' || image.State === 'invalid') {
      throw new KeywardError(
        'invalid-state',
        `The copy ${imageId} ended ${image.State}: ${image.StateReason?.Message ?? 'AWS gave no reason'}.`,
        {
          hint: 'With "Given key ID is not accessible", the copying identity may not use one of the keys: check the key policies and IAM permissions, then undo and start again.',
        },
      );
    }
    const fraction = await copyProgress(ec2, imageId);
    env.progress(fraction, `${Math.round(fraction * 100)}%`);
    if (env.signal.aborted) throw new KeywardError('cancelled', 'The run was cancelled.');
    await env.sleep(POLL_MS);
  }
}
