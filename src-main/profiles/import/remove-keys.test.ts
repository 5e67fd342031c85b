import { describe, expect, it } from 'vitest';
import { removeKeyLines } from './remove-keys';

const marker = '# moved';

describe('removeKeyLines', () => {
  it('drops only the key settings of the named sections, in every copy of the section', () => {
    const text = [
      '[a]',
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE # inline note',
      '  aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'region = eu-west-1',
      '[b]',
      'aws_access_key_id = AKIAI44QH8DHBEXAMPLE',
      '[a]',
      'aws_session_token = IQoJb3JpZ2luX2VjEXAMPLETOKEN',
    ].join('\n');
    expect(removeKeyLines(text, new Set(['a']), marker)).toBe(
      [
        '[a]',
        marker,
        'region = eu-west-1',
        '[b]',
        'aws_access_key_id = AKIAI44QH8DHBEXAMPLE',
        '[a]',
        marker,
      ].join('\n'),
    );
  });

  it('keeps comments, commented-out keys, CRLF line ends and a final newline', () => {
    const text =
      '; header\r\n[a] # note\r\n# aws_access_key_id = old\r\naws_access_key_id=AKIAIOSFODNN7EXAMPLE\r\n';
    expect(removeKeyLines(text, new Set(['a']), marker)).toBe(
      `; header\r\n[a] # note\r\n# aws_access_key_id = old\r\n${marker}\r\n`,
    );
  });

  it('leaves the text as it is when no named section has keys', () => {
    const text = '[a]\nregion = us-east-1\n';
    expect(removeKeyLines(text, new Set(['a', 'z']), marker)).toBe(text);
  });
});
