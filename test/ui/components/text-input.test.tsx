import React, {useState} from 'react';
import {Box} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {Text} from '../../../source/ui/components/text.js';
import {TextInput} from '../../../source/ui/components/text-input.js';
import type {LineKeyKind} from '../../../source/ui/components/line-editor.js';
import {press, recorder, waitForFrame, type InkInstance} from '../../helpers/ink.js';

afterEach(() => cleanup());

const ESC = '\u001B';

/** A field and, below it, its value in brackets (what the parent holds). */
function Field(props: {
  initial?: string;
  mask?: string;
  focus?: boolean;
  placeholder?: string;
  reserved?: LineKeyKind[];
  /** The parent refuses this value (keeps its own), as the wizard does with `?` on an empty field. */
  refuse?: string;
  onSubmit?: (value: string) => void;
  /** Replaces the value from outside when it equals this. */
  replace?: {when: string; with: string};
}) {
  const [value, setValue] = useState(props.initial ?? '');
  return (
    <Box flexDirection="column">
      <TextInput
        value={value}
        focus={props.focus ?? true}
        placeholder={props.placeholder}
        {...(props.mask === undefined ? {} : {mask: props.mask})}
        {...(props.reserved === undefined ? {} : {reserved: props.reserved})}
        onChange={(next) => {
          if (next === props.refuse) return;
          setValue(props.replace && next === props.replace.when ? props.replace.with : next);
        }}
        onSubmit={props.onSubmit}
      />
      <Text>{`[${value}]`}</Text>
    </Box>
  );
}

/** Writes `chunk` to stdin as ONE write (as a terminal sends a burst, or a paste) and waits for the value. */
async function chunk(app: InkInstance, data: string, value: string): Promise<string> {
  await press(app, data);
  return waitForFrame(app, `[${value}]`);
}

describe('TextInput: keys in one chunk', () => {
  test('three Backspaces in one chunk delete three characters (they used to be typed in)', async () => {
    const app = render(<Field initial="web-api" />);
    await waitForFrame(app, '[web-api]');
    await chunk(app, '\u007F\u007F\u007F', 'web-');
  });

  test('Ctrl-U clears to the start of the line (it used to type a u)', async () => {
    const app = render(<Field initial="srv-123" />);
    await waitForFrame(app, '[srv-123]');
    await chunk(app, '\u0015', '');
    await chunk(app, 'srv-9', 'srv-9');
  });

  test('a chunk with escape sequences in it (Ink hands it over as several events at once) is edited in order', async () => {
    const app = render(<Field />);
    await waitForFrame(app, '[]');
    await chunk(app, `web${ESC}[Hmy-${ESC}[F\u007F`, 'my-we');
  });

  test('Home / End / Ctrl-A / Ctrl-E move the cursor; typing goes there', async () => {
    const app = render(<Field initial="api" />);
    await waitForFrame(app, '[api]');
    await chunk(app, `${ESC}[Hweb-`, 'web-api');
    await chunk(app, '\u0005-v2', 'web-api-v2');
    await chunk(app, '\u0001my-', 'my-web-api-v2');
    await chunk(app, `${ESC}[4~!`, 'my-web-api-v2!');
    await chunk(app, `${ESC}[1~>`, '>my-web-api-v2!');
  });

  test('← / → move; Delete removes under the cursor, Backspace before it', async () => {
    const app = render(<Field initial="wexb" />);
    await waitForFrame(app, '[wexb]');
    await chunk(app, `${ESC}[D${ESC}[D${ESC}[3~`, 'web');
    await chunk(app, `${ESC}[C\u007F`, 'we');
  });

  test('Ctrl-W and Alt-Backspace delete the previous word; Ctrl-K kills to the end', async () => {
    const app = render(<Field initial="deploy arn:aws:iam::1:role/ecs-task" />);
    await waitForFrame(app, '[deploy arn:aws:iam::1:role/ecs-task]');
    await chunk(app, `${ESC}\u007F`, 'deploy arn:aws:iam::1:role/ecs-');
    await chunk(app, '\u0017', 'deploy ');
    await chunk(app, `x y${ESC}[D${ESC}[D\u000B`, 'deploy x');
  });

  test('Enter submits the value; keys after it in the chunk still edit the field', async () => {
    const submitted = recorder<[string]>();
    const app = render(<Field initial="web" onSubmit={submitted} />);
    await waitForFrame(app, '[web]');
    await chunk(app, '-api\r\u0015', '');
    expect(submitted.calls).toEqual([['web-api']]);
  });

  test('mask: the value is hidden, and edits like any other', async () => {
    const app = render(<Field mask="•" />);
    await waitForFrame(app, '[]');
    let frame = await chunk(app, 's3cret\u007F\u007F', 's3cr');
    expect(frame.split('\n')[0]).toContain('••••');
    expect(frame.split('\n')[0]).not.toContain('s3cr');
    frame = await chunk(app, '\u0015', '');
  });

  test('an edit the parent refuses leaves its value; the next keys edit that value', async () => {
    const app = render(<Field refuse="?" />);
    await waitForFrame(app, '[]');
    await press(app, '?');
    await press(app, 'ab');
    await waitForFrame(app, '[ab]');
  });

  test('a value replaced from outside puts the cursor at its end', async () => {
    const app = render(<Field replace={{when: 'x', with: 'from-outside'}} />);
    await waitForFrame(app, '[]');
    await chunk(app, 'x', 'from-outside');
    await chunk(app, '!', 'from-outside!');
  });

  test('keys a screen reserves (a list’s Home/End) are left to it; without focus nothing is taken', async () => {
    const app = render(<Field initial="web" reserved={['home', 'end']} />);
    await waitForFrame(app, '[web]');
    await chunk(app, `${ESC}[H!`, 'web!');
    const unfocused = render(<Field initial="web" focus={false} />);
    await waitForFrame(unfocused, '[web]');
    await press(unfocused, 'x\u007F');
    expect(await waitForFrame(unfocused, '[web]', {changed: false})).toContain('[web]');
  });

  test('the placeholder shows while the value is empty', async () => {
    const app = render(<Field placeholder="type to filter" />);
    const frame = await waitForFrame(app, '[]');
    expect(frame).toContain('type to filter');
  });
});
