#!/usr/bin/env node
// `keyward credentials --profile <name>`: the credential_process helper (src-main/cli.ts), started
// without npm, whose `npm run` banner would land on stdout before the JSON the AWS CLI parses.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Keyward's own tsconfig, not one found in whatever folder the AWS CLI happens to run us from.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.node.json', import.meta.url)) });
await import('../src-main/cli.ts');
