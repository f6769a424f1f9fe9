// Colour for Ink <Text>, off when NO_COLOR is set or output is not a terminal (chalk alone ignores NO_COLOR).
import { colorEnabled, type ColorName } from '../../../present/format.js';

let cached: boolean | undefined;

export function tint(color: ColorName): ColorName | undefined {
  cached ??= colorEnabled();
  return cached ? color : undefined;
}
