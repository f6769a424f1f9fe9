// The one way the one-shot commands write to stdout and stderr: every byte goes through terminalText, so
// provider text reaches the terminal (or a pipe) with no control, C1 or bidi character in it.
import { displayText, terminalText } from './safe.js';

/** Writes to stdout; `colour` keeps pgtui's own colour codes (the ls table). */
export function writeOut(text: string, opts: { colour?: boolean } = {}): boolean {
  return process.stdout.write(terminalText(text, opts));
}

export function writeErr(text: string): boolean {
  return process.stderr.write(terminalText(text));
}

/** One line of stdout: a line break inside provider text shows as �, it never starts a line of its own. */
export function outLine(text: string): boolean {
  return writeOut(`${displayText(text)}\n`);
}

/** One line of stderr, as outLine. */
export function errLine(text: string): boolean {
  return writeErr(`${displayText(text)}\n`);
}
