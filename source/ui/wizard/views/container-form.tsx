/** The simplified form (container-form): CPU, memory limits and port mappings, one field at a time (↑↓ move, Enter next). */
import React, {useState} from 'react';
import {Box, useInput} from 'ink';
import {TextInput} from '../../components/text-input.js';
import {containerFormFields, parseContainerForm} from '../../../operations/wizard/questions/container-form.js';
import {Text} from '../../components/text.js';
import {Problem, Question} from '../widgets/fields.js';
import type {QuestionViewProps} from './view-props.js';

export function ContainerFormView(props: QuestionViewProps) {
  const {answers} = props.ctx;
  const fields = containerFormFields(answers);
  const [values, setValues] = useState<string[]>(fields.map((field) => field.initial));
  const [focus, setFocus] = useState(0);
  const [errors, setErrors] = useState<Array<string | undefined>>([]);
  const [formError, setFormError] = useState<string>();

  const next = () => {
    if (focus < fields.length - 1) {
      setFocus(focus + 1);
      return;
    }
    const parsed = parseContainerForm(values, answers);
    setErrors(parsed.errors);
    setFormError(parsed.formError);
    if (parsed.form) props.submit({answers: {...answers, containerForm: parsed.form}});
    else {
      const first = parsed.errors.findIndex((message) => message !== undefined);
      if (first >= 0) setFocus(first);
    }
  };

  return (
    <Box flexDirection="column">
      <Question label="The container (simplified form, EC2)" hint="↑↓ move between fields, Enter goes to the next; Enter on the last one continues." />
      {fields.map((field, index) => (
        <Box key={field.key} flexDirection="column" marginLeft={2}>
          <FormLine
            label={field.label}
            value={values[index] ?? ''}
            focused={props.active && focus === index}
            onFocusMove={(delta) => setFocus(Math.min(fields.length - 1, Math.max(0, focus + delta)))}
            onChange={(value) => {
              setValues(values.map((old, at) => (at === index ? value : old)));
              setErrors([]);
              setFormError(undefined);
            }}
            onSubmit={next}
            onHelp={props.help}
          />
          <Problem message={errors[index]} />
        </Box>
      ))}
      <Problem message={formError} />
    </Box>
  );
}

function FormLine(props: {
  label: string;
  value: string;
  focused: boolean;
  onChange: (value: string) => void;
  onSubmit: () => void;
  onFocusMove: (delta: number) => void;
  onHelp: () => void;
}) {
  useInput(
    (_input, key) => {
      if (key.upArrow || (key.shift && key.tab)) props.onFocusMove(-1);
      else if (key.downArrow || key.tab) props.onFocusMove(1);
    },
    {isActive: props.focused},
  );
  return (
    <Box>
      <Text color={props.focused ? 'cyan' : undefined}>{props.focused ? '❯ ' : '  '}</Text>
      <Text>{props.label}: </Text>
      <TextInput
        value={props.value}
        focus={props.focused}
        showCursor={props.focused}
        onChange={(value) => {
          if (props.value === '' && value === '?') {
            props.onHelp();
            return;
          }
          props.onChange(value);
        }}
        onSubmit={props.onSubmit}
      />
    </Box>
  );
}
