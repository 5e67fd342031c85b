import type { z } from 'zod';
import { amisCalls } from './amis';
import { appCalls } from './app';
import type { CallDef } from './define';
import { keysCalls } from './keys';
import { keyChangesCalls } from './key-changes';
import { keyDetailCalls } from './key-detail';
import { networkCalls } from './network';
import { operationsCalls } from './operations';
import { profileImportCalls } from './profile-import';
import { profilesCalls } from './profiles';
import { secretsCalls } from './secrets';
import { settingsCalls } from './settings';
import { workflowsCalls } from './workflows';
import { sharingCalls } from './sharing';
import { viewsCalls } from './views';
import { snapshotsCalls } from './snapshots';
import { volumesCalls } from './volumes';
import { zonesCalls } from './zones';

/** THE list of calls between the page and the main process. One entry per call. */
export const contract = {
  ...appCalls,
  ...settingsCalls,
  ...networkCalls,
  ...profilesCalls,
  ...profileImportCalls,
  ...secretsCalls,
  ...operationsCalls,
  ...keyDetailCalls,
  ...keyChangesCalls,
  ...keysCalls,
  ...workflowsCalls,
  ...sharingCalls,
  ...viewsCalls,
  ...snapshotsCalls,
  ...amisCalls,
  ...volumesCalls,
  ...zonesCalls,
} as const satisfies Record<string, CallDef>;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type InvokeName = {
  [N in CallName]: Contract[N]['kind'] extends 'invoke' ? N : never;
}[CallName];
export type OperationName = Exclude<CallName, InvokeName>;

/** What a caller passes (before defaults and transforms). */
export type Input<N extends CallName> = z.input<Contract[N]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type Output<N extends CallName> = z.output<Contract[N]['output']>;
export type OperationResult<N extends OperationName> = z.output<Contract[N]['result']>;
/** What the operation's progress events carry as `partial` (`unknown` when it declares none). */
export type OperationPartial<N extends OperationName> = Contract[N] extends {
  readonly partial?: infer P;
}
  ? P extends z.ZodType
    ? z.output<P>
    : unknown
  : unknown;

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}

export * from './define';
export * from './operation-event';
export * from './result';
