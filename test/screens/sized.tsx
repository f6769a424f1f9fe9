// ink-testing-library's render, at a chosen terminal size (its own stdout is always 100 columns with no rows):
// the screens read stdout.columns / stdout.rows, so 80x24 and 50x20 are drawn as a user would see them.
import { EventEmitter } from 'node:events';
import type { ReactElement } from 'react';
import { render as inkRender } from 'ink';

class SizedStdout extends EventEmitter {
  frames: string[] = [];
  private last?: string;
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    this.last = frame;
    return true;
  };
  lastFrame = () => this.last;
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

export function renderSized(tree: ReactElement, size: { columns: number; rows: number }) {
  const stdout = new SizedStdout(size.columns, size.rows);
  const stdin = new FakeStdin();
  const instance = inkRender(tree, { stdout: stdout as never, stderr: new SizedStdout(size.columns, size.rows) as never, stdin: stdin as never, debug: true, exitOnCtrlC: false, patchConsole: false });
  return { stdin, lastFrame: stdout.lastFrame, unmount: () => instance.unmount() };
}

/** The frame's lines as the terminal shows them: no line wider than the terminal, none past its last row. */
export function frameLines(frame: string): string[] {
  return frame.replace(/\u001B\[[0-9;]*m/g, '').split('\n');
}
