import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from './shell-quote';

describe('shellQuote', () => {
  it('leaves plain words alone and gives bash back exactly the text of any other word', () => {
    expect(shellQuote('alias/dr-backups')).toBe('alias/dr-backups');
    const words = [
      `it's "quoted" $HOME \`cmd\` \\ back`,
      '[{"Key":"Name","Value":"db nightly"}]',
      'a\nb',
      '',
      '*',
    ];
    const echoed = execFileSync(
      'bash',
      ['-c', `printf '%s\\0' ${words.map(shellQuote).join(' ')}`],
      {
        encoding: 'utf8',
      },
    );
    expect(echoed.split('\0').slice(0, -1)).toEqual(words);
  });
});
