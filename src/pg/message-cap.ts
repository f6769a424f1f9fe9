// Bounds what a server can make pgtui hold (docs/postgres.md, "Bounded"). Queries bound rows with LIMIT and
// text with left(), but a lying server need not obey: node-postgres buffers each protocol message whole before
// parsing it, and a query's rows until its end, with no limit of its own. So the backend messages are framed
// once more as they arrive (after TLS): each one's announced length, and the bytes of one response (everything
// up to ReadyForQuery), are checked against caps, and the connection is closed with one line when one is over.
import type { EventEmitter } from 'node:events';

export interface MessageCaps {
  /** The largest single backend message (a DataRow, an error, a notice). */
  maxMessageBytes: number;
  /** The most bytes of backend messages between two ReadyForQuery messages (one query's answer, or the start-up). */
  maxResponseBytes: number;
}

/** Ends the connection with this when a cap is passed; the session reports it as one line. */
export class OverCapError extends Error {}

const READY_FOR_QUERY = 0x5a; // 'Z'
const HEADER = 5; // type byte and int32 length (which counts itself, not the type byte)

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/**
 * Watches `stream`'s data (before the driver's parser sees it) and calls `over` once, with why, when a message or a
 * response passes its cap. The work per chunk is one step per message header in it: no copy of the data.
 */
export function watchMessages(stream: EventEmitter, caps: MessageCaps, over: (err: OverCapError) => void): void {
  const header = Buffer.alloc(HEADER);
  let have = 0; // bytes of the current header read so far
  let skip = 0; // bytes of the current message's body still to pass
  let response = 0; // bytes since the last ReadyForQuery
  let done = false;
  const onData = (chunk: Buffer) => {
    if (done) return;
    let i = 0;
    while (i < chunk.length) {
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - i);
        skip -= n;
        i += n;
        continue;
      }
      const n = Math.min(HEADER - have, chunk.length - i);
      chunk.copy(header, have, i, i + n);
      have += n;
      i += n;
      if (have < HEADER) return;
      have = 0;
      const length = header.readUInt32BE(1);
      const size = length + 1;
      response += size;
      if (size > caps.maxMessageBytes) return fail(`the server announced a message of ${mb(size)}, over pgtui's limit of ${mb(caps.maxMessageBytes)}`);
      if (response > caps.maxResponseBytes) return fail(`the server's answer passed ${mb(caps.maxResponseBytes)}, pgtui's limit for one answer`);
      if (header[0] === READY_FOR_QUERY) response = 0;
      skip = Math.max(0, length - 4);
    }
  };
  const fail = (why: string) => {
    done = true;
    stream.removeListener('data', onData);
    over(new OverCapError(`${why}; the connection was closed`));
  };
  stream.prependListener('data', onData);
}
