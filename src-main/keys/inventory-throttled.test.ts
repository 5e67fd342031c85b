import { describe, expect, it } from 'vitest';
import { testClientFactory } from '../aws/testing/test-client-factory';
import { useSandbox } from '../aws/testing/use-sandbox';
import { recordingContext, sandboxInventory } from './testing/inventory-kit';

// Another application sharing the account's quota: 30 % of calls throttled whatever Keyward does.
// (The SDK's adaptive retry then slows each client down a lot — right for AWS's rate-based
// throttling, slow against this random fault — so the scope is small.)
const sandbox = useSandbox({ kmsRequestQuotas: 'on', faults: 'throttle=0.3,service=kms' });

describe('keys inventory while AWS throttles 30 % of calls', () => {
  it('shows every row and no throttling error', { timeout: 120_000 }, async () => {
    const aws = testClientFactory();
    const inventory = sandboxInventory(sandbox, aws);
    const scope = [
      { profileId: 'backup', region: 'us-east-1' },
      { profileId: 'backup', region: 'us-west-2' },
    ];
    const result = await inventory.run({ scope, mode: 'full', keys: null }, recordingContext().ctx);
    expect(result.cells.map((c) => [c.status, c.error])).toEqual([
      ['done', null],
      ['done', null],
    ]);
    const { rows } = await inventory.cached(scope);
    expect(rows.map((r) => r.aliases[0]).sort()).toEqual(['alias/dr-backups', 'alias/dr-backups']);
    expect(rows.flatMap((r) => r.fetchErrors)).toEqual([]);
    // The fault was there: attempts were retried inside the access layer, never shown.
    const calls = aws.calls.recent();
    expect(calls.reduce((n, c) => n + c.attempts, 0)).toBeGreaterThan(calls.length);
  });
});
