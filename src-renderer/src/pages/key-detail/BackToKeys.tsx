import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';
import classes from './KeyDetail.module.css';

/** The way back to the inventory, above the key's name. */
export function BackToKeys() {
  return (
    <Anchor
      component={Link}
      to="/keys"
      size="sm"
      data-testid="back-to-keys"
      className={classes.link}
      w="fit-content"
    >
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        Keys
      </Group>
    </Anchor>
  );
}
