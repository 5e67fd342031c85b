import { KMSClient } from '@aws-sdk/client-kms';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK_SETTINGS, type NetworkSettings } from './network/network-settings';
import type { AwsPrincipal } from './principal';
import { testClientFactory } from './testing/test-client-factory';

const principal = (revision = '1'): AwsPrincipal => ({
  id: 'profile-1',
  profileId: 'profile-1',
  revision,
  accountId: '111111111111',
  target: { credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' } },
});

describe('client factory', () => {
  it('keeps one client per profile, Region and service', async () => {
    const aws = testClientFactory();
    const kms = await aws.client(KMSClient, principal(), 'us-east-1');
    expect(await aws.client(KMSClient, principal(), 'us-east-1')).toBe(kms);
    expect(await aws.client(KMSClient, principal(), 'eu-west-1')).not.toBe(kms);
    expect(await aws.client(STSClient, principal(), 'us-east-1')).not.toBe(kms);
    expect(await aws.client(KMSClient, principal(), 'us-east-1', { maxAttempts: 1 })).not.toBe(kms);
    aws.close();
  });

  it('makes a new client when the profile’s credentials or the network settings change', async () => {
    let network: NetworkSettings = DEFAULT_NETWORK_SETTINGS;
    const aws = testClientFactory({ network: () => Promise.resolve(network) });
    const first = await aws.client(KMSClient, principal('1'), 'us-east-1');
    const second = await aws.client(KMSClient, principal('2'), 'us-east-1');
    expect(second).not.toBe(first);
    network = { ...network, useFipsEndpoint: true };
    const third = await aws.client(KMSClient, principal('2'), 'us-east-1');
    expect(third).not.toBe(second);
    expect(await third.config.useFipsEndpoint()).toBe(true);
    aws.close();
  });

  it('hands out clients that sign nothing for IAM Identity Center, per place', async () => {
    const aws = testClientFactory();
    const place = { region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566' };
    const oidc = await aws.anonymousClient(SSOOIDCClient, place);
    expect(await aws.anonymousClient(SSOOIDCClient, place)).toBe(oidc);
    expect(await aws.anonymousClient(SSOOIDCClient, { ...place, endpoint: undefined })).not.toBe(
      oidc,
    );
    aws.close();
  });
});
