import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconFileLock, IconKey, IconLock } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useApi } from '../../../api/api-context';
import { presentError, toSerialized } from '../../../api/present-error';
import { FileStoreDialog } from '../../../components/CredentialStore/FileStoreDialog';
import {
  useSecretStoreChanged,
  useSecretStoreStatus,
} from '../../../components/CredentialStore/secret-store-status';
import { UnlockStoreButton } from '../../../components/CredentialStore/UnlockStoreButton';
import { ErrorAlert } from '../../../components/ErrorAlert/ErrorAlert';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { IdleLockForm } from './IdleLockForm';
import { SwitchToKeychainDialog } from './SwitchToKeychainDialog';
import { notifySuccess } from '../../../components/notify/notify';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" fw={600} w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-all' }}>
        {children}
      </Text>
    </Group>
  );
}

/** Settings → Credential store: where profiles' secrets live, its state, and the switch. */
export function CredentialStoreCard() {
  const api = useApi();
  const changed = useSecretStoreChanged();
  const { data: status, error } = useSecretStoreStatus();
  const [dialog, setDialog] = useState<'file' | 'keychain' | 'passphrase' | null>(null);
  const lock = useMutation({ mutationFn: () => api.secrets.lock() });
  const lockNow = () =>
    lock.mutate(undefined, {
      onSuccess: async (next) => {
        await changed(next);
        notifySuccess({ title: 'Credentials locked', message: next.file.path });
      },
      onError: (failure) => presentError(failure),
    });

  const file = status?.store === 'file';
  return (
    <Card
      withBorder
      padding="lg"
      radius="lg"
      aria-labelledby="settings-credential-store"
      data-testid="credential-store"
    >
      <Stack gap="lg">
        <div>
          <Title order={2} size="h4" id="settings-credential-store">
            Credential store
          </Title>
          <Text size="sm" c="dimmed">
            Where profiles’ access keys and sign-ins are kept. Never in a plain file: the OS
            keychain, or Keyward’s file encrypted under a passphrase of yours.
          </Text>
        </div>
        {error && <ErrorAlert error={toSerialized(error)} />}
        {!status && !error && <Skeleton h={80} />}
        {status && (
          <Stack gap={6} data-testid="credential-store-status">
            <Fact label="In use">
              {file ? (
                <>
                  Encrypted file <Code>{status.file.path}</Code>
                </>
              ) : (
                `OS keychain — ${status.keychain.backend}`
              )}
            </Fact>
            <Fact label="State">
              {file ? (
                <Badge color={status.locked ? 'yellow.9' : 'teal.9'}>
                  {status.locked ? 'Locked' : 'Unlocked'}
                </Badge>
              ) : (
                <Badge color={status.keychain.available ? 'teal.9' : 'red.9'}>
                  {status.keychain.available ? 'Available' : 'Unavailable'}
                </Badge>
              )}
            </Fact>
            <Fact label="Profiles">
              {status.profilesWithSecrets.length === 0
                ? 'No profile keeps a secret yet.'
                : status.profilesWithSecrets.length === 1
                  ? '1 profile keeps its secret here.'
                  : `${status.profilesWithSecrets.length} profiles keep their secrets here.`}
            </Fact>
            {!file && !status.keychain.available && (
              <Alert color="red" variant="light" role="alert">
                The OS keychain cannot be used: {status.keychain.problem} Start a Secret Service
                (GNOME Keyring or KWallet) in this session, or use an encrypted file instead.
              </Alert>
            )}
          </Stack>
        )}
        {status && file && (
          <>
            <Group>
              {status.locked ? (
                <UnlockStoreButton size="sm" />
              ) : (
                <Button
                  variant="default"
                  leftSection={<IconLock size={16} />}
                  onClick={lockNow}
                  loading={lock.isPending}
                >
                  Lock now
                </Button>
              )}
              {dialog !== 'passphrase' && (
                <Button variant="default" onClick={() => setDialog('passphrase')}>
                  Change passphrase
                </Button>
              )}
            </Group>
            {dialog === 'passphrase' && <ChangePassphraseForm onDone={() => setDialog(null)} />}
            <IdleLockForm key={status.idleLockMinutes} minutes={status.idleLockMinutes} />
          </>
        )}
        {status && (
          <Group>
            {file ? (
              <Button
                variant="default"
                leftSection={<IconKey size={16} />}
                disabled={!status.keychain.available}
                onClick={() => setDialog('keychain')}
              >
                Switch to the OS keychain
              </Button>
            ) : (
              <Button
                variant="default"
                leftSection={<IconFileLock size={16} />}
                onClick={() => setDialog('file')}
              >
                Use an encrypted file instead
              </Button>
            )}
            {file && !status.keychain.available && (
              <Text size="xs" c="dimmed">
                The OS keychain is not available here.
              </Text>
            )}
          </Group>
        )}
      </Stack>
      <FileStoreDialog opened={dialog === 'file'} onClose={() => setDialog(null)} />
      {status && (
        <SwitchToKeychainDialog
          status={status}
          opened={dialog === 'keychain'}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
