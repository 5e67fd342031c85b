import { Card, Stack } from '@mantine/core';
import { NowrapText } from '../../components/DataTable/TableCard';
import { CostCard } from './CostCard';
import { DescriptionEditor } from './DescriptionEditor';
import { FactList, type Fact } from './FactList';
import { formatDate } from './format';
import type { TabProps } from './KeyDetailTabs';
import { isAwsManaged, multiRegionRole, originLabel, usageLabel } from './key-facts';

export function GeneralTab({ keyRef, detail }: TabProps) {
  const { metadata } = detail;
  const facts: Fact[] = [
    {
      label: 'Created',
      value: <NowrapText size="sm">{formatDate(metadata.creationDate)}</NowrapText>,
    },
    { label: 'Origin', value: originLabel(metadata.origin) },
    { label: 'Key spec', value: <NowrapText size="sm">{metadata.keySpec}</NowrapText> },
    { label: 'Key usage', value: usageLabel(metadata.keyUsage) },
    { label: 'Multi-Region role', value: multiRegionRole(metadata) },
    { label: 'Key manager', value: isAwsManaged(metadata) ? 'AWS' : 'Customer' },
  ];
  if (metadata.deletionDate)
    facts.push({ label: 'Deletion date', value: formatDate(metadata.deletionDate) });
  if (metadata.origin === 'EXTERNAL') {
    facts.push({
      label: 'Material expires',
      value: metadata.validTo ? formatDate(metadata.validTo) : 'Never',
    });
  }
  if (metadata.currentKeyMaterialId)
    facts.push({ label: 'Current key material', value: metadata.currentKeyMaterialId });
  return (
    <Stack gap="lg">
      <Card withBorder radius="lg" padding="lg">
        <Stack gap="lg">
          <DescriptionEditor
            key={metadata.description}
            keyRef={keyRef}
            description={metadata.description}
            readOnly={isAwsManaged(metadata)}
          />
          <FactList facts={facts} />
        </Stack>
      </Card>
      <CostCard keyRef={keyRef} detail={detail} />
    </Stack>
  );
}
