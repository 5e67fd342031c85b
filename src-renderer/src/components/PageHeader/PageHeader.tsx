import { Box, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ActionGroup } from '../ActionGroup/ActionGroup';
import classes from './PageHeader.module.css';

/**
 * A page's title, what it is for, and its main actions. When the window is narrow the actions
 * move under the title (and wrap) instead of squeezing it or each other.
 */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description: string;
  actions?: ReactNode;
}) {
  return (
    <Box className={classes.root} mb="lg">
      <Stack gap={4} className={classes.text}>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      </Stack>
      {actions && <ActionGroup aria-label={`${title} actions`}>{actions}</ActionGroup>}
    </Box>
  );
}
