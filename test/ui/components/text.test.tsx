import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {SelectInput} from '../../../source/ui/components/select-input.js';
import {RenderedText, Text} from '../../../source/ui/components/text.js';

afterEach(() => cleanup());

describe('the renderer boundary of the Ink screens', () => {
  test('Text cleans every string child of control sequences, nested or not', () => {
    const {lastFrame} = render(
      <Text>
        bad {'\u001B[2J\u001B]0;pwned\u0007news'} <Text bold>{'x\u0007y'}</Text> {3}
      </Text>,
    );
    expect(lastFrame()).not.toContain('\u001B[2J');
    expect(lastFrame()).not.toContain('\u001B]0;');
    expect(lastFrame()).not.toContain('\u0007');
    expect(lastFrame()).toContain('news');
    expect(lastFrame()).toContain('3');
  });

  test("RenderedText keeps the report layer's own colour codes", () => {
    const {lastFrame} = render(<RenderedText>{'\u001B[31mred\u001B[39m plain'}</RenderedText>);
    expect(lastFrame()).toContain('\u001B[31mred\u001B[39m plain');
  });

  test('SelectInput draws its item labels through Text', () => {
    const {lastFrame} = render(<SelectInput items={[{label: 'tag \u001B[2J1.5.0', value: '1.5.0'}]} isFocused={false} />);
    expect(lastFrame()).toContain('tag 1.5.0');
    expect(lastFrame()).not.toContain('\u001B[2J');
  });
});
