import { Anchor, Group, Image, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { AppInfo } from '../../../../src-shared/models/app-info';
import { useAppInfo } from '../../api/queries';
import { CopyDetailsButton } from '../CopyButton/CopyDetailsButton';
import { ModalFrame } from '../ModalFrame/ModalFrame';

function sandboxLine(sandbox: AppInfo['sandbox']): string {
  if (sandbox.state === 'running') {
    const accounts = sandbox.accounts.map((account) => `${account.name} ${account.id}`).join(', ');
    return `Running at ${sandbox.endpoint ?? '?'} (${accounts})`;
  }
  if (sandbox.state === 'failed') return `Failed to start: ${sandbox.error ?? 'unknown error'}`;
  return sandbox.state === 'off' ? 'Off' : sandbox.state === 'starting' ? 'Starting…' : 'Stopped';
}

export function AboutModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { data: info, isLoading } = useAppInfo();
  const rows: [string, string | undefined][] = info
    ? [
        ['Version', info.version],
        ['Host', info.host === 'electron' ? 'Electron window' : 'Browser mode (loopback web host)'],
        ['Data directory', info.dataDir],
        ['Sandbox', sandboxLine(info.sandbox)],
        ['Platform', `${info.platform} (${info.arch})`],
        ['Node.js', info.versions.node],
        ['Electron', info.versions.electron],
        ['Chromium', info.versions.chrome],
      ]
    : [];
  const shown = rows.filter((row): row is [string, string] => row[1] !== undefined);
  return (
    <ModalFrame opened={opened} onClose={onClose} title="About Keyward">
      <Stack>
        <Group wrap="nowrap" align="center">
          <Image src="./icon.svg" w={56} h={56} alt="" />
          <div>
            <Title order={3}>Keyward</Title>
            <Text size="sm" c="dimmed">
              A console for AWS KMS keys and the encrypted snapshots and AMIs they protect.
            </Text>
          </div>
        </Group>
        {isLoading ? (
          <Skeleton h={180} />
        ) : (
          <Table variant="vertical" withTableBorder data-testid="about-table">
            <Table.Tbody>
              {shown.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={160}>{label}</Table.Th>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="space-between">
          <Anchor
            href="https://docs.aws.amazon.com/kms/latest/developerguide/overview.html"
            target="_blank"
            size="sm"
          >
            AWS KMS developer guide
          </Anchor>
          <CopyDetailsButton
            details={shown.map(([label, value]) => `${label}: ${value}`).join('\n')}
            label="Copy version info"
          />
        </Group>
      </Stack>
    </ModalFrame>
  );
}
