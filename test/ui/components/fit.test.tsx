import React, {useState} from 'react';
import {Box, useInput} from 'ink';
import {afterEach, describe, expect, test} from 'vitest';
import {FitRows, useElasticRows} from '../../../source/ui/components/fit.js';
import {Text} from '../../../source/ui/components/text.js';
import {press, waitForFrame} from '../../helpers/ink.js';
import {cleanupSized, renderSized} from '../../helpers/screen-size.js';

afterEach(() => cleanupSized());

/** `natural` numbered rows, as many as it is given. */
function Block({name, natural}: {name: string; natural: number}) {
  const rows = useElasticRows(natural, 2);
  return (
    <Box flexDirection="column">
      {Array.from({length: rows}, (_, index) => (
        <Text key={index}>{`${name}${index + 1}`}</Text>
      ))}
    </Box>
  );
}

/** A header of `fixed` rows (+ / - change it), two elastic blocks, and a footer. */
function Screen({rows}: {rows: number | undefined}) {
  const [fixed, setFixed] = useState(2);
  useInput((input) => setFixed((count) => (input === '+' ? count + 4 : input === '-' ? count - 4 : count)));
  return (
    <FitRows rows={rows}>
      {Array.from({length: fixed}, (_, index) => (
        <Text key={index}>{`fixed ${index + 1}`}</Text>
      ))}
      <Block name="a" natural={6} />
      <Block name="b" natural={6} />
      <Text>footer</Text>
    </FitRows>
  );
}

/** Rows that appear when `m` is pressed: state of its own, below the frame (which does not re-render). */
function Message() {
  const [shown, setShown] = useState(false);
  useInput((input) => input === 'm' && setShown(true));
  return shown ? (
    <Box flexDirection="column">
      <Text>message 1</Text>
      <Text>message 2</Text>
      <Text>message 3</Text>
    </Box>
  ) : null;
}

/** An elastic part whose rows come two at a time (a line and the blank row under it). */
function Pair() {
  const units = useElasticRows(1, 0);
  return units === 0 ? null : (
    <Box flexDirection="column" marginBottom={1}>
      <Text>pair</Text>
    </Box>
  );
}

const count = (frame: string, prefix: string): number => frame.split('\n').filter((line) => new RegExp(`^${prefix}\\d+$`).test(line)).length;

describe('FitRows and useElasticRows', () => {
  test('a screen taller than the terminal: the first elastic part gives up rows first, down to its floor, then the next', async () => {
    const app = renderSized(<Screen rows={12} />, {columns: 40, rows: 12});
    // 2 fixed + 6 + 6 + footer = 15 rows: 4 over the 11 that fit.
    let frame = await waitForFrame(app, 'footer');
    expect(frame.split('\n')).toHaveLength(11);
    expect([count(frame, 'a'), count(frame, 'b')]).toEqual([2, 6]);
    // 4 more fixed rows: b gives up 4 as well.
    await press(app, '+');
    frame = await waitForFrame(app, 'fixed 6');
    expect(frame.split('\n')).toHaveLength(11);
    expect([count(frame, 'a'), count(frame, 'b')]).toEqual([2, 2]);
    // Rows come free again: given back.
    await press(app, '-');
    frame = await waitForFrame(app, (text) => !text.includes('fixed 6'));
    expect([count(frame, 'a'), count(frame, 'b')]).toEqual([2, 6]);
  });

  test('when the parts cannot give up enough, they stop at their floor; without a known height nothing is cut', async () => {
    const small = renderSized(<Screen rows={6} />, {columns: 40, rows: 6});
    const frame = await waitForFrame(small, 'footer');
    expect([count(frame, 'a'), count(frame, 'b')]).toEqual([2, 2]);
    const unknown = renderSized(<Screen rows={undefined} />, {columns: 40, rows: 6});
    const whole = await waitForFrame(unknown, 'footer');
    expect([count(whole, 'a'), count(whole, 'b')]).toEqual([6, 6]);
  });

  test('rows taken by a change deep in the screen (a message shown by a component of its own) are given up too', async () => {
    const app = renderSized(
      <FitRows rows={12}>
        <Text>header</Text>
        <Block name="a" natural={8} />
        <Message />
        <Text>footer</Text>
      </FitRows>,
      {columns: 40, rows: 12},
    );
    let frame = await waitForFrame(app, 'footer');
    expect(count(frame, 'a')).toBe(8);
    await press(app, 'm');
    frame = await waitForFrame(app, 'message 3');
    expect(frame.split('\n')).toHaveLength(11);
    expect(count(frame, 'a')).toBe(6);
  });

  test('rows that come in steps do not go back and forth: the part stays cut once giving back made the frame too tall', async () => {
    const errors: unknown[] = [];
    const app = renderSized(
      <FitRows rows={12}>
        {Array.from({length: 9}, (_, index) => (
          <Text key={index}>{`fixed ${index + 1}`}</Text>
        ))}
        <Pair />
        <Text>footer</Text>
      </FitRows>,
      {columns: 40, rows: 12},
    );
    app.stderr.on('data', (error: unknown) => errors.push(error));
    // 9 + 2 + 1 = 12 rows, one over: the pair goes (2 rows), and is not given back (it would be one over again).
    const frame = await waitForFrame(app, 'footer');
    expect(frame).not.toContain('pair');
    expect(frame.split('\n')).toHaveLength(10);
    expect(errors).toEqual([]);
  });
});
