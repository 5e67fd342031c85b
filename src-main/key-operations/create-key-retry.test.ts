import { randomUUID } from 'node:crypto';
import { DescribeKeyCommand, paginateListKeys } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { createKeyInput } from '../../src-shared/schemas/create-key-input';
import { createKey } from './create-key';
import { kmsOf } from './key-context';
import { listAliases } from './key-lists';
import { PROD_E1, errorOf, recordProgress, useKeyOperations } from './testing/key-test-kit';

const { keys } = useKeyOperations();

/** The keys in prod us-east-1 whose description is `marker`: how many the wizard really made. */
async function keysDescribed(marker: string): Promise<string[]> {
  const kms = await kmsOf(keys, 'prod', 'us-east-1');
  const found: string[] = [];
  for await (const page of paginateListKeys({ client: kms }, {})) {
    for (const entry of page.Keys ?? []) {
      const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: entry.KeyId }));
      if (KeyMetadata?.Description === marker) found.push(KeyMetadata.KeyId ?? '');
    }
  }
  return found;
}

describe('keys.create, continued after a step failed', () => {
  it('continues from the key it made when the alias was taken: exactly one key exists', async () => {
    const marker = `retry ${randomUUID()}`;
    const taken = `alias/taken-${randomUUID().slice(0, 8)}`;
    await createKey(keys, createKeyInput.parse({ ...PROD_E1, alias: taken }), recordProgress());
    const first = recordProgress();
    const input = {
      ...PROD_E1,
      alias: taken,
      description: marker,
      tags: [{ key: 'T', value: '1' }],
    };
    const failed = await errorOf(createKey(keys, createKeyInput.parse(input), first));
    expect(failed.details).toMatchObject({
      kind: 'created',
      failedStep: `creating the alias ${taken}`,
    });
    const made = failed.details?.kind === 'created' ? failed.details.keyId : '';
    expect(first.partials).toEqual([{ createdKey: expect.objectContaining({ keyId: made }) }]);

    const free = `alias/free-${randomUUID().slice(0, 8)}`;
    const second = recordProgress();
    const result = await createKey(
      keys,
      createKeyInput.parse({ ...input, alias: free, continueKeyId: made }),
      second,
    );
    expect(result.metadata.keyId).toBe(made);
    expect(second.titles).not.toContain('Creating the key');
    expect(await keysDescribed(marker)).toEqual([made]);
    const aliases = await listAliases(await kmsOf(keys, 'prod', 'us-east-1'), made);
    expect(aliases.map((a) => a.aliasName)).toEqual([free]);
  });

  it('does not repeat a step that succeeded (the alias already points at the key)', async () => {
    const alias = `alias/done-${randomUUID().slice(0, 8)}`;
    const made = await createKey(
      keys,
      createKeyInput.parse({ ...PROD_E1, alias }),
      recordProgress(),
    );
    const again = recordProgress();
    const result = await createKey(
      keys,
      createKeyInput.parse({ ...PROD_E1, alias, continueKeyId: made.metadata.keyId }),
      again,
    );
    expect(result.metadata.keyId).toBe(made.metadata.keyId);
    expect(again.titles.some((t) => t.startsWith('Creating'))).toBe(false);
  });

  it('refuses to continue with a key that is not the one the wizard describes', async () => {
    const hmac = await createKey(
      keys,
      createKeyInput.parse({ ...PROD_E1, keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' }),
      recordProgress(),
    );
    const error = await errorOf(
      createKey(
        keys,
        createKeyInput.parse({ ...PROD_E1, continueKeyId: hmac.metadata.keyId }),
        recordProgress(),
      ),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('its key spec is HMAC_256');
  });
});
