import { json } from '@codemirror/lang-json';
import { lintGutter, linter, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import type { KeyPolicyDiagnostic } from '../../../../src-shared/policy/key-policy/lint-types';
import classes from './KeyPolicyEditor.module.css';

export interface PolicyJsonEditorProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** Lints a text (the editor's own, which may be ahead of `value` while typing). */
  readonly lint: (text: string) => readonly KeyPolicyDiagnostic[];
  readonly label: string;
}

function toDiagnostics(text: string, found: readonly KeyPolicyDiagnostic[]): Diagnostic[] {
  return found.map((d) => ({
    from: Math.min(d.from, text.length),
    to: Math.min(Math.max(d.to, d.from), text.length),
    severity: d.severity,
    message: d.message,
    source: d.rule,
  }));
}

/** The JSON view: CodeMirror 6 with the key-policy lint in its gutter. */
export function PolicyJsonEditor({ value, onChange, lint, label }: PolicyJsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, lint });
  useEffect(() => {
    latest.current = { onChange, lint };
  }, [onChange, lint]);

  useEffect(() => {
    if (!host.current) return undefined;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          json(),
          lintGutter(),
          linter(
            (v) =>
              toDiagnostics(v.state.doc.toString(), latest.current.lint(v.state.doc.toString())),
            {
              delay: 250,
            },
          ),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    // axe: a scrolling region must be reachable from the keyboard (contenteditable does not count)
    editor.scrollDOM.tabIndex = 0;
    editor.scrollDOM.setAttribute('aria-label', `${label}, scrollable`);
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // the editor is made once; `value` changes are pushed in below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [label]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current !== value) {
      editor.dispatch({ changes: { from: 0, to: current.length, insert: value } });
    }
  }, [value]);

  return <div ref={host} className={classes.code} data-testid="policy-json-editor" />;
}
