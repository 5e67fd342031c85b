import { describe, expect, it } from 'vitest';
import { policy } from '../test-helpers';
import { effectiveKeyAccess } from './effective-key-access';
import { identitiesFromAnswer, namedPrincipals } from './identities-from-answer';
import { APP_ROLE, consoleDefaultPolicy } from './test-fixtures';
import { KEY_ARN, OWNER } from '../test-helpers';

const decrypt = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }],
});

describe('identitiesFromAnswer', () => {
  it('names the principals to read and whether the account root is trusted', () => {
    const named = namedPrincipals(policy(consoleDefaultPolicy), OWNER);
    expect(named.trustsAccountRoot).toBe(true);
    expect(named.arns).toContain(APP_ROLE);
    expect(named.arns.some((arn) => arn.endsWith(':root'))).toBe(false);
  });

  it('read policies decide; a refusal and an unreadable document stay "needs IAM"', () => {
    const lister = `arn:aws:iam::${OWNER}:role/Lister`;
    const odd = `arn:aws:iam::${OWNER}:user/odd`;
    const options = identitiesFromAnswer({
      accountId: OWNER,
      accountListing: { listed: 2, capped: false, error: null },
      principals: [
        {
          arn: APP_ROLE,
          kind: 'role',
          source: 'key-policy',
          policies: null,
          reason: 'not readable with this profile',
          error: null,
        },
        {
          arn: lister,
          kind: 'role',
          source: 'account',
          error: null,
          reason: null,
          policies: [{ name: 'Dec', kind: 'inline', document: decrypt }],
        },
        {
          arn: odd,
          kind: 'user',
          source: 'account',
          error: null,
          reason: null,
          policies: [{ name: 'Bad', kind: 'inline', document: '{"Statement": 3}' }],
        },
      ],
    });
    const rows = effectiveKeyAccess(policy(consoleDefaultPolicy), {
      accountId: OWNER,
      keyArn: KEY_ARN,
      ...options,
    });
    const byArn = (arn: string) => rows.find((r) => r.subject === arn);
    expect(byArn(APP_ROLE)?.administer).toBe('depends-on-iam');
    expect(byArn(APP_ROLE)?.reasons.administer).toContain('not readable with this profile');
    expect(byArn(lister)).toMatchObject({
      source: 'account',
      use: 'allowed',
      administer: 'denied',
    });
    expect(byArn(lister)?.reasons.use).toContain('IAM policy "Dec"');
    expect(byArn(odd)?.use).toBe('depends-on-iam');
    expect(byArn(odd)?.reasons.use).toContain(
      'IAM policy "Bad" is not a policy Keyward can evaluate',
    );
  });
});
