import {describe, expect, test} from 'vitest';
import {eraseLines, frameLines, frameStream, paintFrame} from '../../source/ui/instant-frame.js';

/** A stdout that records what reaches it. */
function recorder() {
  const written: string[] = [];
  return {
    written,
    columns: 80,
    isTTY: true,
    write(text: string) {
      written.push(text);
      return true;
    },
    self() {
      return this;
    },
  };
}

describe('eraseLines', () => {
  test("as ansi-escapes writes it for Ink's log-update", () => {
    expect(eraseLines(0)).toBe('');
    expect(eraseLines(1)).toBe('\u001B[2K\u001B[G');
    expect(eraseLines(3)).toBe('\u001B[2K\u001B[1A\u001B[2K\u001B[1A\u001B[2K\u001B[G');
    expect(frameLines('a\nb\n')).toBe(3);
  });
});

describe('paintFrame', () => {
  test('writes the frame and takes the keyboard in raw mode (a terminal only)', () => {
    const stdout = recorder();
    const modes: boolean[] = [];
    paintFrame({stdout, stdin: {isTTY: true, setRawMode: (raw) => modes.push(raw)}}, 'frame\n');
    paintFrame({stdout, stdin: {isTTY: false, setRawMode: (raw) => modes.push(raw)}}, 'frame\n');
    expect(stdout.written).toEqual(['frame\n', 'frame\n']);
    expect(modes).toEqual([true]);
  });
});

describe('frameStream', () => {
  test("Ink's first write erases the painted frame first; the first frame is recorded, once", () => {
    const stdout = recorder();
    const painted = '\u001B[?2026htitle\nline\n\u001B[?2026l';
    const {stream, firstFrame} = frameStream(stdout, painted);
    stream.write('\u001B[?2026h');
    stream.write('title\nline\n');
    stream.write('\u001B[?2026l');
    expect(stdout.written).toEqual([`\u001B[?2026h${eraseLines(3)}`, 'title\nline\n', '\u001B[?2026l']);
    expect(firstFrame()).toBe('\u001B[?2026htitle\nline\n\u001B[?2026l');
    stream.write('later');
    expect(firstFrame()).toBe('');
    expect(stdout.written.at(-1)).toBe('later');
  });

  test('a first write that does not open a synchronised update gets the erase in front', () => {
    const stdout = recorder();
    const {stream} = frameStream(stdout, 'a\nb');
    stream.write('frame');
    expect(stdout.written).toEqual([`${eraseLines(2)}frame`]);
  });

  test('nothing painted: writes pass through unchanged; the rest of the stream is the real one', () => {
    const stdout = recorder();
    const {stream, firstFrame} = frameStream(stdout, undefined);
    stream.write('frame');
    expect(stdout.written).toEqual(['frame']);
    expect(firstFrame()).toBe('frame');
    expect(stream.columns).toBe(80);
    expect(stream.isTTY).toBe(true);
    expect(stream.self()).toBe(stdout);
  });
});
