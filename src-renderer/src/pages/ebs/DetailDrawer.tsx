import { Drawer, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

/** The side panel a row opens: everything about one snapshot or AMI, the table still behind. */
export function DetailDrawer({
  title,
  opened,
  onClose,
  children,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={title}
      closeButtonProps={{ 'aria-label': 'Close details' }}
      data-testid="detail-drawer"
    >
      <Stack gap="lg">{children}</Stack>
    </Drawer>
  );
}
