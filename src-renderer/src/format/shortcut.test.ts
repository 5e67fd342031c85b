import { describe, expect, it } from 'vitest';
import { ariaKeyShortcut, isApplePlatform, shortcutLabel } from './shortcut';

describe('shortcut labels', () => {
  it('reads Ctrl and Alt off Apple keyboards', () => {
    expect(shortcutLabel('mod+K', false)).toBe('Ctrl K');
    expect(shortcutLabel('alt+1', false)).toBe('Alt 1');
    expect(ariaKeyShortcut('mod+K', false)).toBe('Control+K');
    expect(ariaKeyShortcut('alt+7', false)).toBe('Alt+7');
  });

  it('reads ⌘ and ⌥ on Apple keyboards', () => {
    expect(shortcutLabel('mod+K', true)).toBe('⌘K');
    expect(shortcutLabel('alt+2', true)).toBe('⌥2');
    expect(ariaKeyShortcut('mod+K', true)).toBe('Meta+K');
  });

  it('knows Apple platforms by navigator.platform, else the user agent', () => {
    expect(isApplePlatform({ platform: 'MacIntel', userAgent: '' })).toBe(true);
    expect(isApplePlatform({ platform: 'Linux x86_64', userAgent: '' })).toBe(false);
    expect(isApplePlatform({ platform: '', userAgent: 'Mozilla/5.0 (iPad; CPU OS 17_0)' })).toBe(
      true,
    );
  });
});
