import { Code, type CodeProps } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';

/** After `:` and `/`: the separators of ARNs, URLs and paths. */
const defaultSeparators = /(?<=[:/])/;

/**
 * `text` with a line-break opportunity after each separator and nowhere else: its narrowest width
 * is its longest segment, so a long ARN or URL never widens its column past the page, yet never
 * breaks mid-word the way `overflow-wrap: anywhere` would.
 */
export function withBreaks(text: string, separators: RegExp = defaultSeparators): ReactNode {
  return text.split(separators).map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

/**
 * An ARN, path or resource id in code type that wraps only after its separators:
 * "arn:aws:iam::111111111111:" / "user/admin". A segment too long for its column still breaks
 * where it must (`overflow-wrap: break-word`) rather than overflow.
 */
export function BreakableCode({
  children,
  separators,
  ...props
}: Omit<CodeProps, 'children'> & { children: string; separators?: RegExp }) {
  return (
    <Code {...props} style={{ overflowWrap: 'break-word' }}>
      {withBreaks(children, separators)}
    </Code>
  );
}
