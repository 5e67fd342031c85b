import { ipcMain } from 'electron';
import { CHANNEL_PREFIX, callNames } from '../../../src-shared/contract/channel-names';
import type { Dispatcher } from '../../api/dispatcher';
import type { TrustedSenders } from '../security/trusted-sender';

/** Binds the transport-free dispatcher to Electron IPC, one channel per contract call. */
export function bindDispatcherToIpc(dispatcher: Dispatcher, senders: TrustedSenders): void {
  for (const name of callNames) {
    ipcMain.handle(`${CHANNEL_PREFIX}${name}`, (event, input: unknown) => {
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
