#!/usr/bin/env node
// undici parses HTTP with a WebAssembly module that V8 recompiles in the background with its optimising tier;
// a process cannot exit until that job is done (~200 ms after every `pgtui ls`). The baseline tier is plenty.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--liftoff-only');
await import('../dist/pgtui.mjs');
