import { Card, Code, Group, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { FactList, type Fact } from './FactList';
import type { TabProps } from './KeyDetailTabs';
import { originLabel, usageLabel } from './key-facts';
import { PublicKeyPanel } from './PublicKeyPanel';

function Algorithms({ names }: { names: readonly string[] }) {
  if (names.length === 0) return <>—</>;
  return (
    <Group gap={6}>
      {names.map((name) => (
        <Code key={name}>{name}</Code>
      ))}
    </Group>
  );
}

export function CryptoTab({ detail }: TabProps) {
  const { metadata, publicKey } = detail;
  const facts: Fact[] = [
    { label: 'Key spec', value: metadata.keySpec },
    { label: 'Key usage', value: usageLabel(metadata.keyUsage) },
    { label: 'Origin', value: originLabel(metadata.origin) },
  ];
  const lists: [string, readonly string[]][] = [
    ['Encryption algorithms', metadata.encryptionAlgorithms],
    ['Signing algorithms', metadata.signingAlgorithms],
    ['MAC algorithms', metadata.macAlgorithms],
    ['Key agreement algorithms', metadata.keyAgreementAlgorithms],
  ];
  for (const [label, names] of lists)
    if (names.length > 0) facts.push({ label, value: <Algorithms names={names} />, wide: true });
  return (
    <Card withBorder radius="lg" padding="lg">
      <Stack gap="lg">
        <FactList facts={facts} />
        {!publicKey.ok && <ErrorAlert error={publicKey.error} />}
        {publicKey.ok && publicKey.value && (
          <PublicKeyPanel publicKey={publicKey.value} fileName={`${metadata.keyId}.pem`} />
        )}
        {publicKey.ok && !publicKey.value && (
          <Text size="sm" c="dimmed">
            {metadata.keySpec.startsWith('HMAC') || metadata.keySpec === 'SYMMETRIC_DEFAULT'
              ? 'No public key: this key is symmetric, its material never leaves AWS.'
              : 'No public key.'}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
