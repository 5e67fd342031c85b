import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { policyVersionSchema, type PolicyVersion } from '../../src-shared/models/key-changes';
import { readJsonFile, writeJsonFile } from '../storage/json-file';
import { createKeyedMutex } from './keyed-mutex';

const fileSchema = z
  .object({ keyArn: z.string(), versions: z.array(policyVersionSchema) })
  .strict();

const safe = (part: string) => part.replace(/[^A-Za-z0-9_-]/g, '_');

/** `<data dir>/key-policies/<account>/<region>/<keyId>.json`: every version saved, oldest first. */
function fileOf(dataDir: string, keyArn: string): string {
  const [, , , region = 'unknown', account = 'unknown', resource = ''] = keyArn.split(':');
  const keyId = resource.replace(/^key\//, '');
  return join(dataDir, 'key-policies', safe(account), safe(region), `${safe(keyId)}.json`);
}

// One writer per file at a time: two saves of one key in parallel must both be kept.
const writers = createKeyedMutex();

export async function policyVersions(dataDir: string, keyArn: string): Promise<PolicyVersion[]> {
  const read = await readJsonFile(fileOf(dataDir, keyArn), fileSchema);
  return read.state === 'ok' ? read.value.versions : [];
}

export interface NewVersion {
  readonly savedBy: string;
  readonly document: string;
  readonly source: PolicyVersion['source'];
  readonly revertedFrom?: string | undefined;
}

/**
 * Appends versions (atomically: temp file, fsync, rename). `found` is recorded before the first
 * save, so the policy Keyward first replaced can be brought back too.
 */
export function recordPolicyVersions(
  dataDir: string,
  keyArn: string,
  make: (existing: readonly PolicyVersion[]) => readonly NewVersion[],
): Promise<PolicyVersion[]> {
  const path = fileOf(dataDir, keyArn);
  return writers.run(path, async () => {
    const existing = await policyVersions(dataDir, keyArn);
    const now = new Date().toISOString();
    const added = make(existing).map((v): PolicyVersion => ({
      id: randomUUID(),
      savedAt: now,
      savedBy: v.savedBy,
      source: v.source,
      revertedFrom: v.revertedFrom ?? null,
      document: v.document,
    }));
    await writeJsonFile(path, { keyArn, versions: [...existing, ...added] });
    return added;
  });
}
