// Drives a program in a real terminal: a private tmux server, send-keys in, capture-pane out.
import { execFileSync } from 'node:child_process';

export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface TmuxOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string>;
  cwd?: string;
}

export class Tmux {
  private readonly socket = `pgtui-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly name = 'main';

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Starts `command` (a shell command line) in a detached session of the given size. */
  start(command: string, opts: TmuxOptions = {}): void {
    // CI=true as CI machines set it: Ink would then draw nothing until exit, and pgtui must draw anyway.
    const env = { TERM: 'xterm-256color', CI: 'true', ...opts.env };
    const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    // The exit status is printed after the program (tmux 3.3 leaves #{pane_dead_status} empty), which also
    // shows what the terminal looks like once the program has given it back.
    // `stty` then reports whether the program left the terminal in cooked mode ("[tty icanon echo]").
    const wrapped = `${command}; echo "[exit $?]"; echo "[tty $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ')]"; sleep 86400`;
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', this.name, '-x', String(opts.cols ?? 80), '-y', String(opts.rows ?? 24), ...(opts.cwd ? ['-c', opts.cwd] : []), ...envArgs, wrapped);
  }

  /** Keys in tmux notation: 'Enter', 'Escape', 'C-d', 'Down', or literal text with literal=true. */
  send(keys: string, literal = false): void {
    this.tmux('send-keys', '-t', this.name, ...(literal ? ['-l', '--', keys] : [keys]));
  }

  type(text: string): void {
    this.send(text, true);
  }

  resize(cols: number, rows: number): void {
    this.tmux('resize-window', '-t', this.name, '-x', String(cols), '-y', String(rows));
  }

  /** The visible screen as plain text. */
  capture(): string {
    return this.tmux('capture-pane', '-p', '-t', this.name);
  }

  /** The program's exit status once it has exited (printed by the wrapper in start()). */
  exitStatus(): number | undefined {
    const m = /\[exit (\d+)\]/.exec(this.capture());
    return m ? Number(m[1]) : undefined;
  }

  panePid(): number {
    return Number(this.tmux('display-message', '-p', '-t', this.name, '#{pane_pid}').trim());
  }

  async waitFor(pattern: RegExp | string | ((screen: string) => boolean), timeoutMs = 15_000): Promise<string> {
    const start = Date.now();
    let screen = '';
    while (Date.now() - start < timeoutMs) {
      screen = this.capture();
      if (typeof pattern === 'function' ? pattern(screen) : typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen)) return screen;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${pattern} on screen:\n${screen}`);
  }

  async waitForGone(pattern: RegExp | string, timeoutMs = 15_000): Promise<string> {
    const start = Date.now();
    let screen = '';
    while (Date.now() - start < timeoutMs) {
      screen = this.capture();
      if (!(typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen))) return screen;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${pattern} to disappear:\n${screen}`);
  }

  /** A server option (set-option -g), e.g. set-clipboard on. */
  setOption(name: string, value: string): void {
    this.tmux('set-option', '-g', name, value);
  }

  /** tmux's newest paste buffer (what a program's OSC 52 copy lands in with set-clipboard on), or '' when none. */
  buffer(): string {
    try {
      return this.tmux('show-buffer');
    } catch {
      return '';
    }
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}
