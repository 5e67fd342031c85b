/** Apple keyboards say ⌘ and ⌥ where others say Ctrl and Alt (Mantine's `mod` is ⌘ there too). */
export function isApplePlatform(
  nav: Pick<Navigator, 'platform' | 'userAgent'> = navigator,
): boolean {
  return /Mac|iPhone|iPad|iPod/.test(nav.platform || nav.userAgent);
}

interface KeyName {
  /** On a key cap, on Apple keyboards and others. */
  readonly apple: string;
  readonly other: string;
  /** In aria-keyshortcuts. */
  readonly ariaApple: string;
  readonly ariaOther: string;
}

const modifiers: Readonly<Record<string, KeyName | undefined>> = {
  mod: { apple: '⌘', other: 'Ctrl', ariaApple: 'Meta', ariaOther: 'Control' },
  ctrl: { apple: '⌃', other: 'Ctrl', ariaApple: 'Control', ariaOther: 'Control' },
  alt: { apple: '⌥', other: 'Alt', ariaApple: 'Alt', ariaOther: 'Alt' },
  shift: { apple: '⇧', other: 'Shift', ariaApple: 'Shift', ariaOther: 'Shift' },
};

function keys(hotkey: string, name: (modifier: KeyName) => string): string[] {
  return hotkey
    .split('+')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const modifier = modifiers[part.toLowerCase()];
      return modifier ? name(modifier) : part.toUpperCase();
    });
}

/** A Mantine hotkey ("alt+1", "mod+K") as a key cap shows it: "Alt 1", "Ctrl K"; "⌥1", "⌘K". */
export function shortcutLabel(hotkey: string, apple = isApplePlatform()): string {
  return keys(hotkey, (key) => (apple ? key.apple : key.other)).join(apple ? '' : ' ');
}

/** The same hotkey for `aria-keyshortcuts`: "Alt+1", "Control+K", "Meta+K". */
export function ariaKeyShortcut(hotkey: string, apple = isApplePlatform()): string {
  return keys(hotkey, (key) => (apple ? key.ariaApple : key.ariaOther)).join('+');
}
