// Loads the TUI chunk (Ink, React, yoga). yoga's Emscripten loader asks `typeof fetch` while it starts, and on
// Node 20 merely reading the global `fetch` loads Node's built-in undici (~12 ms of CPU before the first frame,
// measured with --cpu-prof; docs/startup.md). yoga takes its WebAssembly from a base64 string either way, so the
// global is hidden while the chunk evaluates and put back right after.
export async function loadTui(): Promise<typeof import('../run.js')> {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetch?.configurable) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    const tui = await import('../run.js');
    // In the CommonJS bundle yoga loads its WebAssembly after the import (stubs/yoga-layout.js); elsewhere it is
    // ready already and there is nothing to wait for.
    await (Object(await import('yoga-layout')) as { yogaReady?: Promise<void> }).yogaReady;
    return tui;
  } finally {
    if (fetch?.configurable) Object.defineProperty(globalThis, 'fetch', fetch);
  }
}
