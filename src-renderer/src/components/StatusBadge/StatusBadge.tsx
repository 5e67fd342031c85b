import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode, Ref } from 'react';
import classes from './StatusBadge.module.css';

/**
 * What a status means, not its colour. Filled, dark shades: the light variants fail WCAG AA
 * contrast for the small bold badge text, in both themes.
 */
export const statusTones = {
  /** Works / healthy: verified, enabled, available, completed. */
  ok: 'teal.9',
  /** Failed / broken: failed, unavailable, error. */
  danger: 'red.9',
  /**
   * Needs attention soon: pending deletion, expiring, disabled. Darker than orange.9 (#d9480f,
   * 4.3:1 with white — axe fails it): 5.2:1.
   */
  warning: '#c2410c',
  /** Not known yet, or neither good nor bad: unverified, pending, creating. */
  neutral: 'gray.7',
  /** Where calls go: real AWS. */
  aws: 'blue.9',
  /** Where calls go: the offline sandbox. */
  sandbox: 'grape.9',
} as const;

export type StatusTone = keyof typeof statusTones;

export interface StatusBadgeProps extends Omit<
  BadgeProps,
  'color' | 'children' | 'variant' | 'classNames'
> {
  readonly tone: StatusTone;
  readonly children: ReactNode;
  readonly 'data-testid'?: string;
  /** A Tooltip around the badge anchors to it. */
  readonly ref?: Ref<HTMLDivElement>;
}

/**
 * A badge whose text is never cut: it does not shrink in a flex row, has no maximum width and
 * never wraps, so "SANDBOX" and "VERIFIED" stay whole in the narrowest table cell (the cell
 * grows, or the table scrolls inside its card). `data-no-truncate` lets the layout e2e check it.
 */
export function StatusBadge({ tone, children, ...rest }: StatusBadgeProps) {
  return (
    <Badge
      {...rest}
      color={statusTones[tone]}
      variant="filled"
      classNames={{ root: classes.root, label: classes.label }}
      data-no-truncate
      data-tone={tone}
    >
      {children}
    </Badge>
  );
}
