import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Fact {
  readonly label: string;
  readonly value: ReactNode;
  /** Spans the whole row (ARNs, descriptions). */
  readonly wide?: boolean;
  /** Spans this many columns (a key id is wider than an account number). */
  readonly span?: number;
}

/** Labelled values in columns, as a description list for assistive technology. */
export function FactList({ facts, cols = 3 }: { facts: readonly Fact[]; cols?: number }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: cols }} spacing="md" m={0}>
      {facts.map((fact) => (
        <Stack
          key={fact.label}
          gap={2}
          style={{ gridColumn: fact.wide ? '1 / -1' : fact.span ? `span ${fact.span}` : undefined }}
          miw={0}
        >
          <Text component="dt" size="xs" c="dimmed" fw={600}>
            {fact.label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {fact.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
