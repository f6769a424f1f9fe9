// A health verdict's colour, wherever it is drawn (the list's HEALTH cell, the detail screen, `ls --health`).
import type { Verdict } from '../diagnose/types.js';
import type { ColorName } from './format.js';

export const VERDICT_COLORS: Record<Verdict, ColorName> = { green: 'green', yellow: 'yellow', red: 'red', unknown: 'gray' };
