import { Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { KeyDetail } from '../../../../src-shared/models/key-detail';
import type { KeyActivityResult } from '../../../../src-shared/models/key-activity';
import {
  monthlyCostBreakdown,
  requestPricePer10kUsd,
  type KeyCostFacts,
} from '../../../../src-shared/models/key-cost';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { useApi } from '../../api/api-context';
import { toSerialized } from '../../api/present-error';
import { FactList, type Fact } from './FactList';
import { countOf } from './activity-text';
import { usd } from '../../format/usd';

/** A month of requests is estimated from this many days of CloudTrail history. */
const REQUEST_DAYS = 30;

/** Requests cost fractions of a cent: four decimals there, cents elsewhere. */
const usdFine = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});

function costFacts(detail: KeyDetail): KeyCostFacts {
  const { metadata } = detail;
  const rotation = detail.rotation.ok ? detail.rotation.value : null;
  return {
    manager: metadata.keyManager === 'AWS' ? 'aws' : 'customer',
    state: metadata.keyState,
    createdAt: metadata.creationDate ?? new Date().toISOString(),
    rotation: {
      enabled: rotation?.enabled ?? null,
      periodDays: rotation?.periodDays ?? null,
      nextRotationDate: rotation?.nextRotationDate ?? null,
    },
    rotationCount: detail.rotations.ok ? detail.rotations.value.length : null,
  };
}

function requestsNote(result: KeyActivityResult | undefined, error: string | undefined): string {
  if (error) return `requests not included: ${error}`;
  if (!result) return 'reading CloudTrail…';
  if (!result.activity) return `requests not included: ${result.reason ?? 'CloudTrail unreadable'}`;
  const { cryptographicCount, capped } = result.activity;
  return `estimate (from ${countOf(cryptographicCount, capped, 'call', 'calls')} recorded by CloudTrail in the last ${REQUEST_DAYS} days)`;
}

/** The key's estimated monthly cost: the key, its rotations and its requests (issue 12 §8). */
export function CostCard({ keyRef, detail }: { keyRef: KeyRef; detail: KeyDetail }) {
  const api = useApi();
  const activity = useQuery({
    queryKey: ['keys.activity', keyRef.profileId, keyRef.region, keyRef.keyId, REQUEST_DAYS],
    queryFn: () => api.keys.activity({ ...keyRef, days: REQUEST_DAYS }),
    staleTime: 5 * 60_000,
  });
  const counted = activity.data?.activity;
  const price = requestPricePer10kUsd(detail.metadata.keySpec);
  const cost = monthlyCostBreakdown(
    costFacts(detail),
    counted ? { perMonth: counted.cryptographicCount, keySpec: detail.metadata.keySpec } : null,
  );
  const error = activity.isError ? toSerialized(activity.error).message : undefined;
  const facts: Fact[] = [
    {
      label: 'Key',
      value: cost.keyUsd > 0 ? usd.format(cost.keyUsd) : `${usd.format(0)} (no monthly charge)`,
    },
    {
      label: 'Rotations',
      value: `${usd.format(cost.rotationsUsd)} (${cost.chargedRotations} of at most 2 charged)`,
    },
    {
      label: 'Requests',
      value: (
        <>
          {cost.requestsUsd === null ? '—' : usdFine.format(cost.requestsUsd)}{' '}
          <Text span size="xs" c="dimmed" display="block" data-testid="requests-note">
            {requestsNote(activity.data, error)}
          </Text>
        </>
      ),
    },
  ];
  return (
    <Card withBorder radius="lg" padding="lg" data-testid="cost-card">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Estimated monthly cost: {counted?.capped ? 'at least ' : ''}
          {usd.format(cost.totalUsd)}
          {cost.requestsUsd === null ? ' (requests not included)' : ''}
        </Title>
        <FactList facts={facts} />
        <Text size="xs" c="dimmed">
          An estimate from AWS’s published prices, not a bill: $1 a month per customer managed key,
          $1 for each of its first two rotations, requests at ${price.toFixed(2)} per 10,000 before
          the account’s 20,000 free requests a month (shared by all keys and Regions). Pending
          deletion costs nothing.
        </Text>
      </Stack>
    </Card>
  );
}
