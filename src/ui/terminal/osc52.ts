// Copy to the clipboard with OSC 52: the terminal does it, so it works over SSH too. pgtui cannot know whether
// the terminal honoured it (many let the user turn it off), so the TUI says "sent to the terminal clipboard".
import { execFileSync } from 'node:child_process';
import type { ConnectionInfo } from '../../api/core/types.js';
import { stripUnsafe, urlHost, urlPart } from '../../text/safe.js';

export type ClipboardRoute = 'plain' | 'screen' | 'tmux-passthrough';

/**
 * What the terminal takes. tmux (3.3+ drops DCS passthrough unless `allow-passthrough` is on) reads a plain
 * OSC 52 itself and, with `set-clipboard on` (its default "external" ignores programs), sets its buffer and
 * forwards the copy to the outer terminal; where allow-passthrough is on, the wrapped copy is sent as well.
 * GNU screen swallows OSC 52 and needs it wrapped in its DCS passthrough.
 */
export function clipboardRoute(env: NodeJS.ProcessEnv = process.env, passthrough: () => boolean = tmuxPassthrough): ClipboardRoute {
  if (env.TMUX) return passthrough() ? 'tmux-passthrough' : 'plain';
  if (env.STY || /^screen(\.|-|$)/.test(env.TERM ?? '')) return 'screen';
  return 'plain';
}

/** The escape sequence that copies `text` (stripped of unsafe characters: it may be pasted into a shell; not when `exact`). */
export function clipboardSequence(text: string, route: ClipboardRoute, exact = false): string {
  // Base64 carries any byte safely to the terminal; `exact` (a password) keeps the text as it is.
  const seq = `\u001b]52;c;${Buffer.from(exact ? text : stripUnsafe(text), 'utf8').toString('base64')}\u0007`;
  if (route === 'screen') return `\u001bP${seq}\u001b\\`;
  // Where tmux lets it through, the outer terminal gets it directly too (tmux with set-clipboard off).
  if (route === 'tmux-passthrough') return `${seq}\u001bPtmux;\u001b${seq}\u001b\\`;
  return seq;
}

let passthroughOn: boolean | undefined;
/** Whether tmux's allow-passthrough is on: asked once, on the first copy (one short subprocess, then cached). */
function tmuxPassthrough(): boolean {
  if (passthroughOn === undefined) {
    try {
      const value = execFileSync('tmux', ['show-options', '-gv', 'allow-passthrough'], { encoding: 'utf8', timeout: 500, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      passthroughOn = value === 'on' || value === 'all';
    } catch {
      passthroughOn = false; // no such option (tmux before 3.3) or no answer: the plain sequence alone
    }
  }
  return passthroughOn;
}

export function copyToClipboard(text: string, out: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env, passthrough?: () => boolean): void {
  out.write(clipboardSequence(text, clipboardRoute(env, passthrough)));
}

/** Copies a secret byte for byte (control characters included: a password must be the password). */
export function copyExactToClipboard(text: string, out: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): void {
  out.write(clipboardSequence(text, clipboardRoute(env), true));
}

/** postgresql://user@host:port/db?sslmode=… — never with the password; every part percent-encoded (a newline in a host is %0A). */
export function connectionUrl(conn: ConnectionInfo): string {
  const user = conn.user ? `${urlPart(conn.user)}@` : '';
  const params = new URLSearchParams({ sslmode: conn.sslmode });
  if (conn.channelBinding) params.set('channel_binding', conn.channelBinding);
  return `postgresql://${user}${urlHost(conn.host ?? '')}:${urlPart(conn.port)}/${urlPart(conn.database)}?${params}`;
}
