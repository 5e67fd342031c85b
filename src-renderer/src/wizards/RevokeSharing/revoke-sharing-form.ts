import type { ScopeCell } from '../../../../src-shared/models/kms-key';
import type { SharedFindings, SharedItem } from '../../../../src-shared/models/shared-item';
import type { WorkflowRequest } from '../../../../src-shared/schemas/workflow-request';

/** What stops the Account step: the id, the scope. */
export function accountProblems(
  accountId: string,
  cells: readonly ScopeCell[],
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!/^\d{12}$/.test(accountId)) {
    problems['account'] = 'Enter the 12-digit id of the account (digits only, no dashes).';
  }
  if (cells.length === 0) problems['scope'] = 'Choose at least one profile and one Region.';
  return problems;
}

/** What stops the Found step: still searching, nothing found, nothing ticked. */
export function foundProblems(
  accountId: string,
  findings: SharedFindings | undefined,
  unticked: ReadonlySet<string>,
): Record<string, string> {
  if (!findings) return { found: 'Still searching the scope…' };
  if (findings.items.length === 0) {
    return { found: `Nothing in this scope is shared with account ${accountId}.` };
  }
  if (findings.items.every((item) => unticked.has(item.id))) {
    return { found: 'Tick at least one item to revoke.' };
  }
  return {};
}

/** The request for what was found but unticked: the cells that could not be searched left out. */
export function toRevokeRequest(
  accountId: string,
  cells: readonly ScopeCell[],
  findings: SharedFindings,
  unticked: ReadonlySet<string>,
): WorkflowRequest {
  const failed = new Set(findings.problems.map((p) => `${p.profileId}|${p.region}`));
  return {
    job: 'revoke-sharing',
    accountId,
    scope: cells.filter((cell) => !failed.has(`${cell.profileId}|${cell.region}`)),
    exclusions: findings.items.filter((item) => unticked.has(item.id)).map((item) => item.id),
  };
}

/** The groups of the Found step, in the order the run removes them. */
export const itemGroups: readonly { kind: SharedItem['kind']; title: string }[] = [
  { kind: 'snapshot', title: 'Snapshots (createVolumePermission)' },
  { kind: 'ami', title: 'AMIs (launch permission)' },
  { kind: 'grant', title: 'Grants on keys' },
  { kind: 'key-policy', title: 'Key policy statements' },
];

const named = (id: string, name: string) => (name ? `${id} (${name})` : id);

/** How an item reads in the list: what it is, and where (profile name, Region) and how. */
export function itemText(
  item: SharedItem,
  profileName: (profileId: string) => string,
): { label: string; detail: string } {
  const where = `${profileName(item.profileId)} · ${item.region}`;
  switch (item.kind) {
    case 'snapshot':
      return { label: named(item.snapshotId, item.name), detail: where };
    case 'ami':
      return { label: named(item.imageId, item.name), detail: where };
    case 'grant':
      return {
        label: `Grant to ${item.granteePrincipal} on ${item.alias ?? item.keyArn}`,
        detail: `${where} · ${item.operations.join(', ')}`,
      };
    case 'key-policy':
      return {
        label: `Policy of ${item.alias ?? item.keyArn}`,
        detail: `${where} · ${item.statements.map((s) => `“${s}”`).join(', ')}`,
      };
  }
}
