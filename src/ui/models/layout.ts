// How the frame's lines are shared between the header, the screen and the bottom bar.
export interface Layout {
  headerLines: number;
  bottomLines: number;
  /** One line short of the terminal: a frame as tall as the terminal makes Ink clear the screen on every render. */
  frameHeight: number;
  /** Height of the screen between the header and the bottom bar (help, detail). */
  bodyHeight: number;
  /** Rows of the cluster table (its heading takes one line). */
  listHeight: number;
}

export function layoutFor(height: number, failingProfiles: number, hasMessage: boolean, confirming: boolean): Layout {
  const headerLines = 1 + Math.min(failingProfiles, 3) + (failingProfiles > 3 ? 1 : 0) + (hasMessage ? 1 : 0);
  const bottomLines = confirming ? 6 : 1;
  const frameHeight = Math.max(4, height - 1);
  const bodyHeight = frameHeight - headerLines - bottomLines;
  return { headerLines, bottomLines, frameHeight, bodyHeight, listHeight: Math.max(1, bodyHeight - 1) };
}
