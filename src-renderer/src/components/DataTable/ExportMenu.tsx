import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';

/** CSV or JSON of the rows the search and filters leave, with the columns shown. */
export function ExportMenu({
  count,
  noun,
  onCsv,
  onJson,
}: {
  count: number;
  noun: string;
  onCsv: () => void;
  onJson: () => void;
}) {
  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
          disabled={count === 0}
        >
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {count.toLocaleString('en-US')} {noun}, columns shown
        </Menu.Label>
        <Menu.Item onClick={onCsv}>CSV (spreadsheet)</Menu.Item>
        <Menu.Item onClick={onJson}>JSON</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
