import type { ReactNode } from 'react';

/**
 * A dialog's fields, sent by its button or by Enter in a field. Not a <form>: these dialogs open
 * from inside the add-profile form, and React nests a portal's elements (and events) in the tree
 * it was rendered from.
 */
export function DialogFields({
  onSubmit,
  children,
}: {
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <div
      onKeyDown={(event) => {
        if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
        event.preventDefault();
        event.stopPropagation();
        onSubmit();
      }}
    >
      {children}
    </div>
  );
}
