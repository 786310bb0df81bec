/** An editor prompt: a JSON document written in the person's editor, checked on return. */
import React from 'react';
import type {EditorPrompt} from '../../../operations/wizard/question.js';
import type {EditorPort} from '../../../ports/editor.js';
import {EditorField} from '../widgets/editor-field.js';
import type {PromptViewProps} from './prompt-props.js';

export function EditorPromptView({prompt, active, onHelp, submit, editor}: PromptViewProps<EditorPrompt> & {editor: EditorPort}) {
  return (
    <EditorField
      label={prompt.label}
      hint={prompt.hint}
      what={prompt.what}
      starts={prompt.starts}
      initialStart={prompt.initialStart}
      editor={editor}
      check={prompt.check}
      active={active}
      onHelp={onHelp}
      onAccept={(checked, start) => submit(prompt.accept(checked, start))}
    />
  );
}
