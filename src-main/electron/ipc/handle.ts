import { ipcMain } from 'electron';
import { contract, type CallName } from '../../../src-shared/contract';
import { callChannel } from '../../../src-shared/contract/channel-names';
import type { Dispatcher } from '../../api/dispatcher';
import type { TrustedSenders } from '../security/trusted-sender';

/** Binds the transport-free dispatcher to Electron IPC, one channel per contract call. */
export function bindDispatcherToIpc(dispatcher: Dispatcher, senders: TrustedSenders): void {
  for (const name of Object.keys(contract) as CallName[]) {
    ipcMain.handle(callChannel(name), (event, input: unknown) => {
      if (!senders.isTrusted(event)) {
        return {
          ok: false,
          error: { code: 'access-denied', message: 'Untrusted sender.', retryable: false },
        };
      }
      return dispatcher.invoke(name, input);
    });
  }
}
