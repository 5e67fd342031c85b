import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  Input,
  OperationEvent,
  OperationName,
  OperationPartial,
  OperationResult,
} from '../../../src-shared/contract';
import { KeywardError, type SerializedError } from '../../../src-shared/errors';
import { useBridge } from './api-context';
import { call } from './client';

export type OperationState<R> =
  | { readonly status: 'idle' }
  | {
      readonly status: 'running';
      readonly operationId?: string;
      readonly step?: number;
      readonly stepCount?: number;
      readonly title?: string;
      readonly value?: number;
      /** What the user needs during the step (e.g. a sign-in code and its URL). */
      readonly detail?: Readonly<Record<string, string>>;
    }
  | { readonly status: 'done'; readonly result: R }
  | { readonly status: 'failed'; readonly error: SerializedError };

/**
 * Starts a long job and follows its events. It subscribes before starting, and keeps events
 * that arrive before the id is known, so none is lost.
 */
export function useOperation<N extends OperationName>(
  name: N,
  options: {
    /** Results that stream with progress events (e.g. inventory rows), as they come. */
    readonly onPartial?: (partial: OperationPartial<N>) => void;
  } = {},
) {
  const bridge = useBridge();
  const onPartial = useRef(options.onPartial);
  useEffect(() => {
    onPartial.current = options.onPartial;
  });
  const [state, setState] = useState<OperationState<OperationResult<N>>>({ status: 'idle' });
  const idRef = useRef<string | undefined>(undefined);
  const unsubscribeRef = useRef<(() => void) | undefined>(undefined);

  useEffect(() => () => unsubscribeRef.current?.(), []);

  const apply = useCallback((event: OperationEvent) => {
    if (event.type === 'progress') {
      if (event.partial !== undefined) onPartial.current?.(event.partial as OperationPartial<N>);
      setState({
        status: 'running',
        operationId: event.operationId,
        step: event.step,
        stepCount: event.stepCount,
        title: event.title,
        ...(event.value === undefined ? {} : { value: event.value }),
        ...(event.detail === undefined ? {} : { detail: event.detail }),
      });
    } else if (event.type === 'done') {
      setState({ status: 'done', result: event.result as OperationResult<N> });
      unsubscribeRef.current?.();
    } else {
      setState({ status: 'failed', error: event.error });
      unsubscribeRef.current?.();
    }
  }, []);

  const start = useCallback(
    async (input: Input<N>) => {
      unsubscribeRef.current?.();
      const early: OperationEvent[] = [];
      idRef.current = undefined;
      unsubscribeRef.current = bridge.subscribe('operation', (payload) => {
        const event = payload as OperationEvent;
        if (idRef.current === undefined) early.push(event);
        else if (event.operationId === idRef.current) apply(event);
      });
      setState({ status: 'running' });
      try {
        const { operationId } = (await call(bridge, name, input)) as { operationId: string };
        idRef.current = operationId;
        setState({ status: 'running', operationId });
        early.filter((event) => event.operationId === operationId).forEach(apply);
      } catch (error) {
        unsubscribeRef.current?.();
        const serialized =
          error instanceof KeywardError
            ? error.toJSON()
            : { code: 'internal' as const, message: String(error), retryable: false };
        setState({ status: 'failed', error: serialized });
      }
    },
    [bridge, name, apply],
  );

  const cancel = useCallback(async () => {
    if (idRef.current) await call(bridge, 'operations.cancel', { operationId: idRef.current });
  }, [bridge]);

  return { state, start, cancel };
}
