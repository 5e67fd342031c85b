#!/usr/bin/env node
// `npm run electron:fetch`: download the Electron binary now (npm start tries once, then
// remembers a failure instead of retrying on every start).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  findElectron,
  forgetFailure,
  installElectron,
  rememberFailure,
} from './electron-binary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electron = findElectron(import.meta.url);
if (!electron.dir) {
  console.error('electron:fetch: the electron package is not installed (run npm install first).');
  process.exit(1);
}
if (electron.binary) {
  forgetFailure(root);
  console.log(`electron:fetch: Electron ${electron.version} is already here (${electron.binary}).`);
  process.exit(0);
}
console.log(`electron:fetch: downloading Electron ${electron.version}…`);
const failure = installElectron(electron.dir);
const after = findElectron(import.meta.url);
if (after.binary) {
  forgetFailure(root);
  console.log(`electron:fetch: done (${after.binary}). npm start now opens the Electron window.`);
  process.exit(0);
}
const reason = failure ?? 'no binary after install';
rememberFailure(root, electron.version, reason);
console.error(
  `electron:fetch: the download failed (${reason}). Electron is fetched from GitHub (or ` +
    'ELECTRON_MIRROR); without it, npm start runs browser mode.',
);
process.exit(1);
