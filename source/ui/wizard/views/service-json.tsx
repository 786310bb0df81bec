/**
 * The service specification (service-json): the JSON the answers make (the default for the strategy, or the
 * person's), then use it, edit it in the editor, or import describe-services output.
 */
import React, {useState} from 'react';
import {acceptServiceSpec, checkServiceSpec, type ImportedService} from '../../../operations/wizard/questions/service-json.js';
import {composeServiceSpec, specHasNetworkConfiguration} from '../../../operations/wizard/service-spec.js';
import {JsonBlock} from '../prompts/prompt-body.js';
import {EditorField} from '../widgets/editor-field.js';
import {Note, SelectField} from '../widgets/fields.js';
import type {QuestionViewProps} from './view-props.js';

export function ServiceJsonView(props: QuestionViewProps) {
  const {answers} = props.ctx;
  const [mode, setMode] = useState<'menu' | 'edit' | 'import'>('menu');
  const [imported, setImported] = useState<Record<string, ImportedService>>({});
  const composed = composeServiceSpec(answers);
  const networkWarning = specHasNetworkConfiguration(composed.text);

  if (mode !== 'menu') {
    return (
      <EditorField
        label={mode === 'import' ? 'Service specification from `aws ecs describe-services` output' : 'Service specification (JSON)'}
        what="service specification"
        starts={[
          {value: 'edit', label: 'Edit the JSON', text: () => composed.text},
          {value: 'import', label: 'Paste describe-services output', text: () => ''},
        ]}
        autoStart={mode}
        editor={props.services.editor()}
        check={(text, start) => checkServiceSpec(answers, text, start, (spec, result) => setImported((old) => ({...old, [spec]: result})))}
        active={props.active}
        onHelp={props.help}
        onAccept={(checked, start) => props.submit(acceptServiceSpec(answers, checked, start, imported[checked.text]))}
      />
    );
  }
  return (
    <SelectField
      label="Service specification"
      options={[
        {value: 'use', label: 'Use it', detail: answers.serviceSpecJson === undefined ? `the default for ${answers.strategy ?? 'REPLICA'}` : 'your JSON'},
        {value: 'edit', label: 'Edit the JSON in your editor', detail: 'any create-service parameter'},
        {value: 'import', label: 'Import describe-services output', detail: 'paste `aws ecs describe-services` to reuse a service'},
      ]}
      active={props.active}
      onHelp={props.help}
      onSubmit={(value) => {
        if (value === 'use') props.submit({choices: {'service-json': answers.serviceSpecJson === undefined ? 'the default' : 'your JSON'}});
        else setMode(value as 'edit' | 'import');
      }}
    >
      <JsonBlock text={composed.text} max={10} />
      {networkWarning ? <Note tone="warn" message="It has networkConfiguration: at deploy time the environment's network settings replace it." /> : null}
    </SelectField>
  );
}
