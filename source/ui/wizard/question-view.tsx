/**
 * The view of the current question: its bespoke view (views/, by the question's id) when it has one, else its
 * prompt drawn by kind (prompts/). The question says what to ask and what an answer does; this only draws it.
 */
import React, {useState, type ComponentType} from 'react';
import type {Submission} from '../../operations/wizard/question.js';
import {questionById} from '../../operations/wizard/question-list.js';
import {ActionPromptView} from './prompts/action-prompt.js';
import {EditorPromptView} from './prompts/editor-prompt.js';
import {ListPromptView} from './prompts/list-prompt.js';
import {PickerPromptView} from './prompts/picker-prompt.js';
import {SelectPromptView} from './prompts/select-prompt.js';
import {TextPromptView} from './prompts/text-prompt.js';
import {ContainerFormView} from './views/container-form.js';
import {ReviewView} from './views/review.js';
import {SaveView} from './views/save.js';
import {ServiceJsonView} from './views/service-json.js';
import type {QuestionViewProps} from './views/view-props.js';
import {Problem} from './widgets/fields.js';

/** The questions that need more than a prompt, by id. */
export const BESPOKE_VIEWS: Readonly<Record<string, ComponentType<QuestionViewProps>>> = {
  'container-form': ContainerFormView,
  'service-json': ServiceJsonView,
  review: ReviewView,
  save: SaveView,
};

export function QuestionView(props: QuestionViewProps) {
  const question = questionById(props.stepRef.id);
  /** What the prompt remembers while the question is shown. */
  const [memo] = useState(() => new Map<string, unknown>());
  const Bespoke = BESPOKE_VIEWS[question.id];
  if (Bespoke) return <Bespoke {...props} />;
  if (question.prompt === undefined) return null;
  const prompt = question.prompt({ctx: props.ctx, services: props.services, ...(props.password === undefined ? {} : {password: props.password}), memo});
  const common = {
    active: props.active,
    onHelp: props.help,
    submit: (submission: Submission | undefined) => {
      if (submission !== undefined) props.submit(submission);
    },
    back: props.back,
  };
  switch (prompt.kind) {
    case 'text':
      return <TextPromptView prompt={prompt} {...common} />;
    case 'select':
      return <SelectPromptView prompt={prompt} {...common} />;
    case 'picker':
      return <PickerPromptView prompt={prompt} {...common} />;
    case 'list':
      return <ListPromptView prompt={prompt} {...common} />;
    case 'editor':
      return <EditorPromptView prompt={prompt} {...common} editor={props.services.editor()} />;
    case 'action':
      return <ActionPromptView prompt={prompt} {...common} />;
    case 'unavailable':
      return <Problem message={prompt.message} />;
  }
}
