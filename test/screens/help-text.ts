// The whole of the `?` screen, however small the terminal: its pages, read by scrolling to the end (ctrl-f).
import { press, waitForFrame } from './forms/keys.js';

export async function helpText(app: { lastFrame(): string | undefined; stdin: { write(data: string): void } }, maxPages = 20): Promise<string> {
  let frame = await waitForFrame(app.lastFrame, 'Keys (esc or ? closes)');
  const pages = [frame];
  for (let i = 0; i < maxPages; i++) {
    const at = /lines (\d+)–(\d+) of (\d+)/.exec(frame);
    if (!at || at[2] === at[3]) break;
    await press(app.stdin, '\u0006');
    frame = await waitForFrame(app.lastFrame, (f) => !f.includes(at[0]));
    pages.push(frame);
  }
  return pages.join('\n');
}
