// Lending the terminal's input to a child (psql) and taking it back.
// Pausing a Node TTY stream is not enough: Readable keeps reading ahead into its buffer up to its high-water
// mark, so keys typed into psql would be stolen by pgtui and replayed into the TUI afterwards. Stopping the
// libuv handle is the only way to leave the bytes in the kernel for the child; there is no public API for it.
interface ReadHandle {
  reading?: boolean;
  readStop?: () => number;
  readStart?: () => number;
}

function handleOf(stdin: NodeJS.ReadStream): ReadHandle | undefined {
  return (stdin as unknown as { _handle?: ReadHandle })._handle;
}

/** Stops reading fd 0 and throws away keys pgtui read but had not handled yet. */
export function stopReading(stdin: NodeJS.ReadStream): void {
  stdin.pause();
  const handle = handleOf(stdin);
  if (handle?.reading && handle.readStop) {
    handle.reading = false;
    handle.readStop();
  }
  while (stdin.readableLength > 0 && stdin.read() !== null) {
    // discard
  }
}

/** Starts reading fd 0 again (a read may have been in flight when it stopped, and would never finish). */
export function resumeReading(stdin: NodeJS.ReadStream): void {
  const handle = handleOf(stdin);
  if (handle && handle.reading === false && handle.readStart) {
    handle.reading = true;
    handle.readStart();
  }
}
