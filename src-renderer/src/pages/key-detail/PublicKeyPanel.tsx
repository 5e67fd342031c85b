import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { PublicKeyInfo } from '../../../../src-shared/models/key-detail';
import { CopyDetailsButton } from '../../components/CopyButton/CopyDetailsButton';

function download(pem: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([pem], { type: 'application/x-pem-file' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** The public half of an asymmetric key (GetPublicKey), as PEM: shown, copied, downloaded. */
export function PublicKeyPanel({
  publicKey,
  fileName,
}: {
  publicKey: PublicKeyInfo;
  fileName: string;
}) {
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          Public key (PEM)
        </Text>
        <Group gap="xs">
          <CopyDetailsButton details={publicKey.pem} label="Copy PEM" />
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} />}
            onClick={() => download(publicKey.pem, fileName)}
          >
            Download .pem
          </Button>
        </Group>
      </Group>
      <Code block data-testid="public-key-pem" tabIndex={0} aria-label="Public key PEM">
        {publicKey.pem}
      </Code>
    </Stack>
  );
}
