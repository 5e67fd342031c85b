import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { ErrorAlert } from './ErrorAlert';

describe('ErrorAlert', () => {
  it('titles an AWS 5xx as AWS’s trouble, and a host that does not answer as Keyward’s', () => {
    render(
      <>
        <ErrorAlert
          error={{
            code: 'unavailable',
            message: 'EC2 answered InternalError.',
            retryable: true,
            aws: {
              code: 'InternalError',
              requestId: 'req-1',
              operation: 'DescribeAvailabilityZones',
            },
          }}
        />
        <ErrorAlert
          error={{ code: 'unavailable', message: 'The host did not answer.', retryable: true }}
        />
      </>,
      createMockBridge().bridge,
    );
    const [aws, host] = screen.getAllByRole('alert');
    expect(aws).toHaveTextContent(/^AWS service unavailable/);
    expect(host).toHaveTextContent(/^Keyward host unavailable/);
  });
});
