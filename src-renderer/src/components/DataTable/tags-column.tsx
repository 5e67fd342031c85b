import { Code, Group } from '@mantine/core';
import type { DataColumn } from './data-table-types';

/** The tags column of a resource table: `key=value` chips, searched and exported as `k=v; k=v`. */
export function tagsColumn<
  Row extends { readonly tags: Readonly<Record<string, string>> },
>(): DataColumn<Row> {
  return {
    id: 'tags',
    header: 'Tags',
    value: (row) =>
      Object.entries(row.tags)
        .map(([key, value]) => `${key}=${value}`)
        .join('; ') || null,
    cell: (row) => (
      <Group gap={4}>
        {Object.entries(row.tags).map(([key, value]) => (
          <Code key={key} fz="xs">
            {key}={value}
          </Code>
        ))}
      </Group>
    ),
    filter: 'text',
    width: 220,
    hiddenByDefault: true,
  };
}
