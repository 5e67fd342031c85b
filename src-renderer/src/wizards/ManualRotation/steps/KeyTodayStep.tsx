import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { KeyDetail } from '../../../../../src-shared/models/key-detail';
import type { KeyRef } from '../../../../../src-shared/schemas/key-ref';
import { FactList } from '../../../pages/key-detail/FactList';
import {
  aliasNames,
  manualRotationOnly,
  multiRegionRole,
  originLabel,
  usageLabel,
} from '../../../pages/key-detail/key-facts';
import { keyPath } from '../../../pages/keys/key-paths';

/** Step 1: what the key is, and why it is rotated by hand. */
export function KeyTodayStep({ keyRef, detail }: { keyRef: KeyRef; detail: KeyDetail }) {
  const { metadata } = detail;
  const aliases = aliasNames(detail);
  const tags = detail.tags.ok ? detail.tags.value : [];
  const replicas = metadata.multiRegionConfiguration?.replicas.map((r) => r.region) ?? [];
  const manualOnly = manualRotationOnly(metadata);
  return (
    <Stack gap="md">
      <FactList
        facts={[
          { label: 'Key spec', value: metadata.keySpec },
          { label: 'Usage', value: usageLabel(metadata.keyUsage) },
          { label: 'Origin', value: originLabel(metadata.origin) },
          { label: 'Aliases', value: aliases.join(', ') || 'None', wide: aliases.length > 2 },
          { label: 'Multi-Region', value: multiRegionRole(metadata) },
          { label: 'Replicas', value: replicas.join(', ') || 'None' },
          {
            label: 'Tags',
            value: tags.map((t) => `${t.key}=${t.value}`).join(', ') || 'None',
            wide: true,
          },
          { label: 'Description', value: metadata.description || '—', wide: true },
        ]}
      />
      {manualOnly ? (
        <Alert variant="light" color="blue" title="Why by hand" data-testid="why-manual">
          <Text size="sm">
            {manualOnly} AWS’s automatic rotation only renews KMS-made material of symmetric
            encryption keys.
          </Text>
        </Alert>
      ) : (
        <Alert
          variant="light"
          color="yellow"
          title="AWS can rotate this key itself"
          data-testid="why-manual"
        >
          <Stack gap={4}>
            <Text size="sm">
              Automatic rotation renews the key material on a schedule and keeps the key id, so
              nothing that uses the key has to change.
            </Text>
            <Button
              variant="default"
              size="xs"
              w="fit-content"
              component={Link}
              to={keyPath({ ...keyRef, keyId: metadata.keyId }, 'rotation')}
            >
              Use the Rotation tab instead
            </Button>
            <Text size="sm">
              Rotate by hand only for a key id of its own (for example to separate data by period);
              the rest of this wizard works the same.
            </Text>
          </Stack>
        </Alert>
      )}
      <Text size="sm">The rotation by hand:</Text>
      <List size="sm" spacing={2}>
        <List.Item>
          creates a new key with the same spec, usage, policy, description and tags
        </List.Item>
        <List.Item>moves the aliases you choose to it</List.Item>
        <List.Item>
          keeps the old key enabled so what it encrypted or signed can still be used
        </List.Item>
      </List>
    </Stack>
  );
}
