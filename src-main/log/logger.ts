import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../../src-node/fs/private-files';
import { redact } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** Appends JSON lines to `<dataDir>/logs/main.log` (and stderr for warnings); every line is redacted. */
export function createFileLogger(
  dataDir: string,
  echo = process.env.KEYWARD_LOG_ECHO === '1',
): Logger {
  const dir = join(dataDir, 'logs');
  ensurePrivateDir(dir);
  const file = join(dir, 'main.log');
  return {
    log(level, message, fields) {
      const line = redact(
        JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }),
      );
      appendFileSync(file, `${line}\n`, { mode: PRIVATE_FILE_MODE });
      if (echo || level === 'error') process.stderr.write(`${line}\n`);
    },
  };
}

export const silentLogger: Logger = { log: () => undefined };
