// What Ink is given to lay out, read from Ink's own tree (the instance ink-testing-library's render made): the
// longest text one <Text> hands to its measuring (string-width, wrapping, yoga). A work count, not a timing: long
// provider text is cut before it reaches Ink (src/text/safe.ts), so this stays near a screen's width whatever the
// server sent; text that was not cut would make it the server's length.
import instances from '../../node_modules/ink/build/instances.js';

interface InkNode {
  nodeName: string;
  nodeValue?: string;
  childNodes?: InkNode[];
}

/** The characters of one <Text> (its text nodes and nested <Text>s, as Ink squashes them before measuring). */
function textLength(node: InkNode): number {
  if (node.nodeName === '#text') return node.nodeValue?.length ?? 0;
  return (node.childNodes ?? []).reduce((n, c) => n + textLength(c), 0);
}

function longest(node: InkNode): number {
  if (node.nodeName === 'ink-text' || node.nodeName === '#text') return textLength(node);
  return (node.childNodes ?? []).reduce((n, c) => Math.max(n, longest(c)), 0);
}

/** The longest text Ink lays out in the tree rendered to `stdout` (ink-testing-library's render().stdout). */
export function longestLaidOutText(stdout: object): number {
  const ink = (instances as unknown as WeakMap<object, { rootNode: InkNode }>).get(stdout);
  if (!ink) throw new Error('no Ink instance renders to this stdout');
  return longest(ink.rootNode);
}

