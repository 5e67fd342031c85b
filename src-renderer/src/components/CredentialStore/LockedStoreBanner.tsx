import { Alert, Group, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useSecretStoreStatus } from './secret-store-status';
import { UnlockStoreButton } from './UnlockStoreButton';

/** Shown while the encrypted file store is in use and locked. */
export function LockedStoreBanner() {
  const { data: status } = useSecretStoreStatus();
  if (!status?.locked) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconLock />}
      title="Credentials are locked"
      data-testid="credentials-locked"
      mb="md"
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          Profiles that need a secret cannot be used until Keyward’s encrypted credential file is
          unlocked with its passphrase.
        </Text>
        <UnlockStoreButton />
      </Group>
    </Alert>
  );
}
