// A frame before Ink loads: `pgtui --demo` spends seconds starting its fakes and a local PostgreSQL, and a blank
// terminal for that long looks hung. Written with plain escape sequences (no Ink, no React: they are not
// loaded yet), on the alternate screen the TUI then draws on; a spinner turns until the TUI takes over.
import { atExit } from '../../lifecycle.js';
import { ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN, SHOW_CURSOR } from './terminal.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const HIDE_CURSOR = '\u001b[?25l';

export interface Starting {
  /** Stops the spinner; the screen stays for the TUI to draw over. */
  handOver(): void;
  /** Stops the spinner and gives the terminal back (start-up failed). */
  leave(): void;
}

export function showStarting(what: string, out: NodeJS.WriteStream = process.stdout): Starting {
  let frame = 0;
  const draw = () => out.write(`\u001b[H\u001b[2K\u001b[1;36mpgtui\u001b[0m ${FRAMES[frame++ % FRAMES.length]} ${what}`);
  out.write(`${ENTER_ALT_SCREEN}${HIDE_CURSOR}\u001b[2J`);
  draw();
  const timer = setInterval(draw, 120);
  timer.unref();
  let done = false;
  const leave = () => {
    if (done) return;
    done = true;
    clearInterval(timer);
    out.write(`${LEAVE_ALT_SCREEN}${SHOW_CURSOR}`);
  };
  // A signal while starting leaves through lifecycle.ts's clean-ups: the shell gets its screen back.
  const forget = atExit(leave);
  return {
    handOver() {
      done = true;
      clearInterval(timer);
      forget();
    },
    leave() {
      leave();
      forget();
    },
  };
}
