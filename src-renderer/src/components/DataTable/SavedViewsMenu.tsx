import { Button, Group, Menu, Text, TextInput } from '@mantine/core';
import { IconBookmark, IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { presentError } from '../../api/present-error';
import type { SavedView, TableView, ViewStore } from './data-table-types';

interface SavedViewsMenuProps {
  readonly store: ViewStore;
  readonly current: TableView;
  readonly onApply: (view: TableView) => void;
  readonly onReset: () => void;
}

/**
 * Name the current sort, filters, columns and search; come back to them from this menu. A store
 * that fails (main unreachable) says so in a toast; the table itself keeps working.
 */
export function SavedViewsMenu({ store, current, onApply, onReset }: SavedViewsMenuProps) {
  const [views, setViews] = useState<readonly SavedView[]>([]);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  useEffect(() => {
    let live = true;
    store.list().then((listed) => live && setViews(listed), presentError);
    return () => {
      live = false;
    };
  }, [store]);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    store.save({ ...current, name: trimmed }).then((saved) => {
      setViews(saved);
      setNaming(false);
      setName('');
    }, presentError);
  };
  const remove = (viewName: string) => {
    store.remove(viewName).then(setViews, presentError);
  };
  if (naming) {
    // Named in place of the menu: a form in the toolbar, no dialog for one field.
    return (
      <form onSubmit={save}>
        <Group gap="xs" wrap="nowrap">
          <TextInput
            aria-label="View name"
            placeholder="View name"
            data-autofocus
            autoFocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            onKeyDown={(event) => event.key === 'Escape' && setNaming(false)}
            maxLength={60}
            w={180}
          />
          <Button type="submit" disabled={!name.trim()}>
            Save view
          </Button>
          <Button variant="default" onClick={() => setNaming(false)}>
            Cancel
          </Button>
        </Group>
      </form>
    );
  }
  return (
    // No focus placeholder: a role="presentation" div inside role="menu" fails axe.
    <Menu position="bottom-end" shadow="md" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="default" leftSection={<IconBookmark size={16} />}>
          Views
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label="Views">
        <Menu.Item onClick={() => setNaming(true)}>Save current view…</Menu.Item>
        <Menu.Item onClick={onReset}>Reset to default</Menu.Item>
        <Menu.Divider />
        <Menu.Label>Saved views</Menu.Label>
        {views.length === 0 && (
          <Text size="sm" c="dimmed" px="sm" py={4}>
            None yet
          </Text>
        )}
        {views.map((view) => (
          <Group key={view.name} gap={4} wrap="nowrap">
            <Menu.Item onClick={() => onApply(view)}>{view.name}</Menu.Item>
            <Menu.Item
              w="auto"
              color="gray"
              closeMenuOnClick={false}
              aria-label={`Delete view ${view.name}`}
              onClick={() => remove(view.name)}
            >
              <IconTrash size={14} />
            </Menu.Item>
          </Group>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
