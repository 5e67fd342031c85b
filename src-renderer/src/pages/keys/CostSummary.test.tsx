import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { KeyRow } from '../../../../src-shared/models/kms-key';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { CostSummary } from './CostSummary';

const row = (cost: number) => ({ estimatedMonthlyCostUsd: cost }) as KeyRow;

describe('the Keys cost summary', () => {
  it('totals the keys shown and says what the estimate leaves out', () => {
    render(<CostSummary rows={[row(1), row(3), row(0)]} />, createMockBridge().bridge);
    const line = screen.getByTestId('keys-cost-total');
    expect(line).toHaveTextContent('Estimated monthly cost of the 3 keys shown: $4.00');
    expect(line).toHaveTextContent('2 customer managed keys at $1 each plus their rotations');
    expect(line).toHaveTextContent('requests are not included');
  });

  it('speaks of one key in the singular', () => {
    render(<CostSummary rows={[row(1)]} />, createMockBridge().bridge);
    expect(screen.getByTestId('keys-cost-total')).toHaveTextContent(
      'of the 1 key shown: $1.00 — 1 customer managed key at $1',
    );
  });
});
