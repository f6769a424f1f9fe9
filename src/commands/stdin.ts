// Reads a secret from stdin (a pipe or a file), bounded: a secret is short, and a runaway pipe must not fill memory.
import { CommandError, EXIT } from './exit-codes.js';

const MAX_BYTES = 64 * 1024;

export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_BYTES) throw new CommandError(`stdin: more than ${MAX_BYTES / 1024} KiB; a secret is expected`, EXIT.usage);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}
