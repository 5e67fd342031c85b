import { Combobox, UnstyledButton, useCombobox } from '@mantine/core';
import { IconCheck, IconSearch } from '@tabler/icons-react';
import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { rankMatches, type Searchable } from '../../search/rank-matches';
import classes from './HeaderPicker.module.css';

export interface PickerOption {
  readonly value: string;
  readonly label: string;
  /** Dimmed after the label (an account id, a kind). */
  readonly detail?: string;
  /** While nothing is typed, the options of a group are listed together under its name. */
  readonly group?: string;
  readonly search: Searchable;
}

export interface HeaderPickerProps {
  readonly options: readonly PickerOption[];
  readonly value: string | null;
  readonly onPick: (value: string) => void;
  /** The button's accessible name: what it picks and what is picked ("Region: us-east-1"). */
  readonly label: string;
  /** What the closed picker shows ("prod-admin"), */
  readonly text: string;
  /** and dimmed after it (" · 111111111111"); the whole is the button's title, should it be cut. */
  readonly detail?: string;
  /**
   * Short text that always shows in full (a region code): the button never shrinks, and the
   * detail makes room for the rest of the header on windows below 75em (1200 px) instead.
   */
  readonly compact?: boolean;
  readonly icon: ReactNode;
  /** The search box's name and placeholder ("Search profiles"). */
  readonly searchLabel: string;
  readonly nothingFound: string;
  readonly testId: string;
  readonly disabled?: boolean;
  readonly dropdownWidth?: number;
}

/** While nothing is typed: the options group by group, in the order the groups first appear. */
function grouped(options: readonly PickerOption[]): PickerOption[] {
  const groups = [...new Set(options.map((option) => option.group))];
  return groups.flatMap((group) => options.filter((option) => option.group === group));
}

/** Consecutive options of one group under its name; one unnamed section for search results. */
function sections(shown: readonly PickerOption[], withGroups: boolean) {
  const result: {
    group: string | undefined;
    entries: { option: PickerOption; index: number }[];
  }[] = [];
  shown.forEach((option, index) => {
    const group = withGroups ? option.group : undefined;
    const last = result.at(-1);
    if (last && last.group === group) last.entries.push({ option, index });
    else result.push({ group, entries: [{ option, index }] });
  });
  return result;
}

/**
 * A header button that names what is chosen; it opens an empty search box that filters as you
 * type. Arrow keys move, Enter picks the highlighted option (the best match unless moved), Esc
 * closes and gives focus back to the button.
 */
export function HeaderPicker(props: HeaderPickerProps) {
  const { options, value, onPick, searchLabel } = props;
  const id = useId();
  const [query, setQuery] = useState('');
  const [highlighted, setHighlighted] = useState(0);
  const combobox = useCombobox({
    onDropdownOpen: () => combobox.focusSearchInput(),
    onDropdownClose: () => setQuery(''),
  });
  const opened = combobox.dropdownOpened;
  const shown = query.trim()
    ? rankMatches(options, query, (option) => option.search)
    : grouped(options);
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    if (opened)
      document.getElementById(`${id}-option-${highlighted}`)?.scrollIntoView({ block: 'nearest' });
  }, [opened, highlighted, id]);

  const open = () => {
    setHighlighted(
      Math.max(
        0,
        shown.findIndex((option) => option.value === value),
      ),
    );
    combobox.openDropdown();
  };
  /** Closes from inside the dropdown, focus back on the button (not on a click elsewhere). */
  const close = () => {
    combobox.closeDropdown();
    combobox.focusTarget();
  };
  const pick = (picked: string) => {
    close();
    if (picked !== value) onPick(picked);
  };
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step !== undefined && shown.length > 0) {
      event.preventDefault();
      setHighlighted((highlighted + step + shown.length) % shown.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = shown[highlighted];
      if (option) pick(option.value);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close();
    }
  };

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={pick}
      position="bottom-start"
      width={props.dropdownWidth ?? 320}
      shadow="md"
    >
      <Combobox.Target withAriaAttributes={false} withKeyboardNavigation={false}>
        <UnstyledButton
          className={classes.button}
          data-compact={props.compact || undefined}
          aria-label={props.label}
          aria-haspopup="listbox"
          aria-expanded={opened}
          title={props.detail ? `${props.text} · ${props.detail}` : props.text}
          disabled={props.disabled}
          data-testid={props.testId}
          onClick={() => (opened ? combobox.closeDropdown() : open())}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              open();
            }
          }}
        >
          <span className={classes.icon}>{props.icon}</span>
          <span className={classes.text}>
            {props.text}
            {props.detail && (
              <span className={props.compact ? classes.narrowHides : classes.dimmed}>
                {` · ${props.detail}`}
              </span>
            )}
          </span>
          <Combobox.Chevron className={classes.icon} />
        </UnstyledButton>
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Search
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setHighlighted(0);
          }}
          onKeyDown={onSearchKey}
          withAriaAttributes={false}
          withKeyboardNavigation={false}
          role="combobox"
          aria-label={searchLabel}
          aria-expanded={opened}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={shown[highlighted] ? optionId(highlighted) : undefined}
          placeholder={searchLabel}
          leftSection={<IconSearch size={15} aria-hidden />}
          autoComplete="off"
          spellCheck={false}
        />
        <Combobox.Options id={`${id}-list`} aria-label={searchLabel} className={classes.list}>
          {shown.length === 0 && <Combobox.Empty>{props.nothingFound}</Combobox.Empty>}
          {sections(shown, !query.trim()).map(({ group, entries }) => (
            <Combobox.Group key={group ?? ''} label={group}>
              {entries.map(({ option, index }) => (
                <Combobox.Option
                  key={option.value}
                  value={option.value}
                  id={optionId(index)}
                  selected={index === highlighted}
                  active={option.value === value}
                  aria-selected={index === highlighted}
                  className={classes.option}
                  onMouseMove={() => index !== highlighted && setHighlighted(index)}
                >
                  <IconCheck
                    size={14}
                    className={classes.check}
                    data-checked={option.value === value || undefined}
                    aria-hidden
                  />
                  <span className={classes.optionBody}>
                    <span className={classes.optionLabel}>{option.label}</span>
                    {option.detail && <span className={classes.detail}>{option.detail}</span>}
                  </span>
                </Combobox.Option>
              ))}
            </Combobox.Group>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
