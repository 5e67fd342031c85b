import { Button, CopyButton } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** Copies diagnostic text (codes, ids, messages — never secrets) for a bug report or a ticket. */
export function CopyDetailsButton({
  details,
  label = 'Copy details',
}: {
  details: string;
  label?: string;
}) {
  return (
    <CopyButton value={details}>
      {({ copied, copy }) => (
        <Button
          size="xs"
          variant="default"
          onClick={copy}
          leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
        >
          {copied ? 'Copied' : label}
        </Button>
      )}
    </CopyButton>
  );
}
