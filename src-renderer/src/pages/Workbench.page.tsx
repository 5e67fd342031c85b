import { IconTools } from '@tabler/icons-react';
import { EmptyState } from '../components/EmptyState/EmptyState';
import { PageHeader } from '../components/PageHeader/PageHeader';

export function WorkbenchPage() {
  return (
    <>
      <PageHeader
        title="Workbench"
        description="Try a key by hand before you trust it with data."
      />
      <EmptyState
        icon={IconTools}
        title="The workbench is not built yet"
        description="This page will run single KMS operations against a chosen key and show the exact request and response."
        upcoming={[
          'Encrypt, decrypt and re-encrypt with an encryption context',
          'Sign and verify, generate and verify MACs, generate data keys',
          'The AWS CLI command for every operation you run',
        ]}
      />
    </>
  );
}
