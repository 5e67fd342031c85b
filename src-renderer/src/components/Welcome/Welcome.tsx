import { Button, Group, Image, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { presentError } from '../../api/present-error';
import { useAppInfo, useSettings, useUpdateSettings } from '../../api/queries';
import { landing } from '../../landing';
import { ModalFooter, ModalFrame } from '../ModalFrame/ModalFrame';
import { StatusBadge } from '../StatusBadge/StatusBadge';

const roles: Readonly<Record<string, string>> = {
  prod: 'Workloads: keys of every type, encrypted volumes, snapshots and AMIs',
  backup: 'Disaster recovery: the BackupOperator role and a key for re-encrypting copies',
  partner: 'A vendor you share encrypted images with',
};

/**
 * First run: Keyward starts on the built-in sandbox (nothing done there touches AWS), on the
 * page landing.ts names (Profiles, where its demo identities are listed). "Connect to AWS" and
 * "Import from AWS config" open the add and import dialogs of Profiles.
 */
export function Welcome() {
  const { data: settings } = useSettings();
  const { data: info } = useAppInfo();
  const update = useUpdateSettings();
  const navigate = useNavigate();
  const opened = settings !== undefined && !settings.welcomeSeen;
  const close = (then?: () => void) =>
    update.mutate(
      { welcomeSeen: true },
      { onSuccess: then, onError: (error) => presentError(error) },
    );

  return (
    <ModalFrame opened={opened} onClose={() => close()} title="Welcome to Keyward">
      <Stack>
        <Group wrap="nowrap" align="flex-start">
          <Image src="./icon.svg" w={48} h={48} alt="" />
          <Stack gap={4}>
            <Title order={2} size="h4">
              You are on the built-in sandbox
            </Title>
            <Text size="sm">
              Keyward starts on an offline AWS that runs on this computer, with three demo accounts.
              Rehearse every job here first: nothing you do in the sandbox touches AWS. The header
              shows a <StatusBadge tone="sandbox">Sandbox</StatusBadge> badge whenever you are in
              it.
            </Text>
          </Stack>
        </Group>
        <Table withTableBorder data-testid="welcome-accounts">
          <Table.Tbody>
            {(info?.sandbox.accounts ?? []).map((account) => (
              <Table.Tr key={account.id}>
                <Table.Th w={90}>{account.name}</Table.Th>
                <Table.Td w={130}>{account.id}</Table.Td>
                <Table.Td>{roles[account.name] ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" data-testid="welcome-next">
          You start on <b>{landing.label}</b>: the sandbox’s demo identities are listed there, ready
          to use. Explore with them, or add your own AWS profiles now — you can do both later from
          the same page.
        </Text>
        <ModalFooter>
          <Button
            variant="default"
            onClick={() => close(() => void navigate('/profiles', { state: { import: true } }))}
          >
            Import from AWS config
          </Button>
          <Button
            variant="default"
            onClick={() => close(() => void navigate('/profiles', { state: { add: true } }))}
          >
            Connect to AWS
          </Button>
          <Button onClick={() => close(() => void navigate(landing.path))} data-autofocus>
            Explore the sandbox
          </Button>
        </ModalFooter>
      </Stack>
    </ModalFrame>
  );
}
