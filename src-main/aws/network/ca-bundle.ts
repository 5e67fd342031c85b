import { X509Certificate } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { KeywardError } from '../../../src-shared/errors';

/** Where the CA bundle in effect was chosen. */
export type CaBundleSource = 'settings' | 'AWS_CA_BUNDLE';

export interface CaBundle {
  readonly path: string;
  readonly source: CaBundleSource;
  /** The certificates, PEM-encoded, in file order. */
  readonly certificates: readonly string[];
  /** Each certificate's subject common name (or whole subject), for display. */
  readonly subjects: readonly string[];
}

const MAX_BYTES = 5 * 1024 * 1024;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const cache = new Map<string, { stamp: string; bundle: CaBundle }>();

function fail(source: CaBundleSource, path: string, message: string, hint: string): KeywardError {
  const where = source === 'settings' ? 'Settings → Network' : 'the AWS_CA_BUNDLE variable';
  return new KeywardError('network', message, {
    hint: `${hint} The path comes from ${where}.`,
    retryable: false,
  });
}

function subjectOf(certificate: X509Certificate): string {
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject)?.[1];
  return cn ?? certificate.subject.replace(/\n/g, ', ');
}

/**
 * Reads a PEM file of CA certificates and checks that every certificate in it parses, failing
 * with a message that names the file. Cached until the file changes.
 */
export async function loadCaBundle(path: string, source: CaBundleSource): Promise<CaBundle> {
  let size: number;
  let stamp: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = info.size;
    stamp = `${info.mtimeMs}:${info.size}`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    const reason =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is not a file'
          : `cannot be read (${code})`;
    throw fail(
      source,
      path,
      `The CA bundle ${path} ${reason}.`,
      'Choose the PEM file of your proxy’s or company’s CA.',
    );
  }
  const cached = cache.get(`${source}|${path}`);
  if (cached?.stamp === stamp) return cached.bundle;
  if (size > MAX_BYTES) {
    throw fail(
      source,
      path,
      `The CA bundle ${path} is larger than 5 MiB.`,
      'Choose a PEM file of CA certificates.',
    );
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw fail(
      source,
      path,
      `The CA bundle ${path} cannot be read (${code}).`,
      'Check the file’s permissions.',
    );
  }
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) {
    throw fail(
      source,
      path,
      `The CA bundle ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`,
      'Export the CA as PEM (Base-64); convert a DER file with `openssl x509 -inform der -in ca.cer -out ca.pem`.',
    );
  }
  const subjects = blocks.map((pem, index) => {
    try {
      return subjectOf(new X509Certificate(pem));
    } catch (error) {
      throw fail(
        source,
        path,
        `Certificate ${index + 1} of ${blocks.length} in the CA bundle ${path} does not parse: ${(error as Error).message}.`,
        'Export the CA again as PEM, or remove the damaged certificate from the file.',
      );
    }
  });
  const bundle: CaBundle = { path, source, certificates: blocks, subjects };
  cache.set(`${source}|${path}`, { stamp, bundle });
  return bundle;
}
