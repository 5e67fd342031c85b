import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { PrincipalListField, type PrincipalKind } from './PrincipalListField';

async function show(kind: PrincipalKind, entries: readonly string[] = []) {
  const onAdd = vi.fn();
  const onRemove = vi.fn();
  render(
    <PrincipalListField
      kind={kind}
      accountId="111111111111"
      title="Key users"
      hint="Who may use the key."
      entries={entries}
      emptyText="No key users."
      onAdd={onAdd}
      onRemove={onRemove}
    />,
    createMockBridge().bridge,
  );
  return {
    onAdd,
    onRemove,
    field: await screen.findByRole('combobox', { name: 'Add to key users' }),
  };
}

describe('PrincipalListField', () => {
  it('adds an IAM role of the key’s account, and refuses other accounts’ ARNs and non-ARNs', async () => {
    const user = userEvent.setup();
    const { onAdd, field } = await show('account-principal');
    await user.type(field, 'admin{Enter}');
    expect(await screen.findByText(/An IAM user or role ARN/)).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, 'arn:aws:iam::222222222222:role/ops{Enter}');
    expect(await screen.findByText(/This list is for account 111111111111/)).toBeInTheDocument();
    expect(onAdd).not.toHaveBeenCalled();
    await user.clear(field);
    await user.type(field, ' arn:aws:iam::111111111111:role/ops {Enter}');
    expect(onAdd).toHaveBeenCalledWith('arn:aws:iam::111111111111:role/ops');
    expect(field).toHaveValue('');
  });

  it('takes other accounts as 12-digit ids other than the key’s own', async () => {
    const user = userEvent.setup();
    const { onAdd, field } = await show('account-id');
    await user.type(field, '111111111111{Enter}');
    expect(await screen.findByText('That is this key’s own account')).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, '2222{Enter}');
    expect(await screen.findByText('A 12-digit AWS account id')).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, '222222222222{Enter}');
    expect(onAdd).toHaveBeenCalledWith('222222222222');
  });

  it('takes AWS service principals only', async () => {
    const user = userEvent.setup();
    const { onAdd, field } = await show('service');
    await user.type(field, 'logs{Enter}');
    expect(await screen.findByText(/A service principal such as/)).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, 'logs.us-east-1.amazonaws.com{Enter}');
    expect(onAdd).toHaveBeenCalledWith('logs.us-east-1.amazonaws.com');
  });

  it('lists who holds the role and removes one by its button', async () => {
    const user = userEvent.setup();
    const arn = 'arn:aws:iam::111111111111:role/app';
    const { onRemove } = await show('account-principal', [arn]);
    expect(screen.getByText(arn)).toBeInTheDocument();
    expect(screen.queryByText('No key users.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: `Remove ${arn} from key users` }));
    expect(onRemove).toHaveBeenCalledWith(arn);
  });
});
