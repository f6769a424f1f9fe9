// Copy to the clipboard with OSC 52: the terminal does it, so it works over SSH too.
import type { ConnectionInfo } from '../api/types.js';
import { stripUnsafe, urlHost, urlPart } from '../text/safe.js';

/** The text is stripped of unsafe characters first: what lands in the clipboard may be pasted into a shell. */
export function copyToClipboard(text: string, out: NodeJS.WriteStream = process.stdout): void {
  const seq = `\u001b]52;c;${Buffer.from(stripUnsafe(text), 'utf8').toString('base64')}\u0007`;
  // Inside tmux the sequence must be wrapped to reach the outer terminal.
  out.write(process.env.TMUX ? `\u001bPtmux;\u001b${seq}\u001b\\` : seq);
}

/** postgresql://user@host:port/db?sslmode=… — never with the password; every part percent-encoded (a newline in a host is %0A). */
export function connectionUrl(conn: ConnectionInfo): string {
  const user = conn.user ? `${urlPart(conn.user)}@` : '';
  const params = new URLSearchParams({ sslmode: conn.sslmode });
  if (conn.channelBinding) params.set('channel_binding', conn.channelBinding);
  return `postgresql://${user}${urlHost(conn.host ?? '')}:${urlPart(conn.port)}/${urlPart(conn.database)}?${params}`;
}
