import { Box, getSpacing, type MantineSpacing } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import classes from './ActionGroup.module.css';

export interface ActionGroupProps {
  readonly children: ReactNode;
  /** Where the buttons sit on their line; a dialog footer or page header keeps them right. */
  readonly justify?: CSSProperties['justifyContent'];
  readonly gap?: MantineSpacing;
  /**
   * Keep one line (row actions, where the sticky actions column grows to fit). Buttons still
   * never shrink, so nothing is cut.
   */
  readonly nowrap?: boolean;
  readonly 'aria-label'?: string;
  readonly 'data-testid'?: string;
}

/**
 * The one way to lay out a group of buttons (page header, card footer, dialog footer, row
 * actions): buttons keep their full label, and the group wraps rather than clip one
 * ("Copy l…", "VE…"). A group that would need more than two lines is a sign to move the rarer
 * actions into a menu.
 */
export function ActionGroup({
  children,
  justify = 'flex-end',
  gap = 'xs',
  nowrap = false,
  ...rest
}: ActionGroupProps) {
  return (
    <Box
      className={classes.root}
      role={rest['aria-label'] ? 'group' : undefined}
      data-nowrap={nowrap || undefined}
      style={
        {
          '--action-group-gap': getSpacing(gap),
          '--action-group-justify': justify,
        } as CSSProperties
      }
      {...rest}
    >
      {children}
    </Box>
  );
}
