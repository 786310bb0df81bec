import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {ListField, PickerField, TextField} from '../../../../source/ui/wizard/widgets/fields.js';
import {press, recorder, waitForFrame} from '../../../helpers/ink.js';

afterEach(() => cleanup());

const ESC = '\u001B';
const accept = (text: string) => ({ok: true as const, value: text});
/** The text in the field (the line with the › prompt), trailing cursor space trimmed. */
const field = (frame: string): string | undefined =>
  frame
    .split('\n')
    .find((line) => /^\s*›/.test(line))
    ?.replace(/^\s*› ?/, '')
    .trimEnd();

describe("the wizard's text fields edit like readline, with keys arriving in one chunk", () => {
  test('text field: a Backspace burst deletes, Ctrl-U clears, Home/End and Ctrl-W work; Enter submits', async () => {
    const submitted = recorder<[string, string | undefined]>();
    const app = render(<TextField label="Service name" initial="web-apix" active validate={accept} onSubmit={submitted} onHelp={() => undefined} />);
    await waitForFrame(app, '› web-apix');
    await press(app, '\u007F\u007F\u007F\u007F\u007F');
    await waitForFrame(app, (frame) => field(frame) === 'web');
    await press(app, '\u0015');
    await waitForFrame(app, (frame) => field(frame) === '');
    await press(app, `api${ESC}[Hweb-${ESC}[F-v2 x\u0017`);
    await waitForFrame(app, (frame) => field(frame) === 'web-api-v2');
    await press(app, '\u007F\r');
    await submitted.called();
    expect(submitted.calls[0]?.[0]).toBe('web-api-v2');
  });

  test('picker: what is typed filters, and a chunk with Alt-Backspace edits the filter', async () => {
    const submitted = recorder<[string[], string | undefined]>();
    const app = render(
      <PickerField
        label="Application"
        what="applications"
        items={[{value: 'shop', label: 'shop'}]}
        free={{validate: accept, hint: 'a new name'}}
        active
        onSubmit={submitted}
        onHelp={() => undefined}
      />,
    );
    await waitForFrame(app, '❯ shop');
    await press(app, 'ECS Demo-app');
    await waitForFrame(app, '❯ Use “ECS Demo-app”');
    await press(app, `${ESC}\u007F\u007F`);
    await waitForFrame(app, '❯ Use “ECS Demo”');
    await press(app, '\r');
    await submitted.called();
    expect(submitted.calls[0]?.[0]).toEqual(['ECS Demo']);
  });

  test('list: Ctrl-U clears the NAME=VALUE line being typed', async () => {
    const submitted = recorder<[Array<{name: string; value: string}>]>();
    const app = render(
      <ListField
        label="Config variables"
        initial={[]}
        parse={(text) => {
          const [name = '', value = ''] = text.split('=');
          return {ok: true, value: {name, value}};
        }}
        active
        onSubmit={submitted}
        onHelp={() => undefined}
      />,
    );
    await waitForFrame(app, '(none yet)');
    await press(app, 'WRONG=1\u0015LOG_LEVEL=debug\r');
    await waitForFrame(app, 'LOG_LEVEL=debug');
    expect(app.lastFrame()).not.toContain('WRONG');
    await press(app, '\r');
    await submitted.called();
    expect(submitted.calls[0]?.[0]).toEqual([{name: 'LOG_LEVEL', value: 'debug'}]);
  });
});
