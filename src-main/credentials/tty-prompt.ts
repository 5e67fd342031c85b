import { closeSync, openSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';

/**
 * Asks for a secret on the controlling terminal (/dev/tty), with echo off, so it works while
 * stdout is a pipe to the AWS CLI and stdin is whatever the caller gave. Answers `null` when
 * there is no terminal to ask on (a service, a CI job, Windows).
 */
export async function promptSecretOnTty(question: string): Promise<string | null> {
  let readFd: number;
  let writeFd: number;
  try {
    readFd = openSync('/dev/tty', 'r');
  } catch {
    return null;
  }
  try {
    writeFd = openSync('/dev/tty', 'w');
  } catch {
    closeSync(readFd);
    return null;
  }
  const input = new ReadStream(readFd);
  const output = new WriteStream(writeFd);
  input.setRawMode(true);
  output.write(question);

  try {
    return await new Promise<string | null>((resolve) => {
      let answer = '';
      input.on('data', (chunk: Buffer) => {
        for (const char of chunk.toString('utf8')) {
          if (char === '\r' || char === '\n') return resolve(answer);
          // Ctrl-C, or Ctrl-D on an empty line: the user declines.
          if (char === '\u0003' || (char === '\u0004' && answer === '')) return resolve(null);
          if (char === '\u007f' || char === '\b') answer = [...answer].slice(0, -1).join('');
          else if (char === '\u0015')
            answer = ''; // Ctrl-U
          else if (char >= ' ') answer += char;
        }
      });
      input.once('end', () => resolve(null));
    });
  } finally {
    input.setRawMode(false);
    output.write('\n');
    input.destroy();
    output.destroy();
  }
}
