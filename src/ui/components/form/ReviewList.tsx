// The review step: every submitted value by label, secrets masked; scrolls when taller than `height`.
import { Box, Text } from 'ink';
import type { FormSpec, FormValues } from '../../../api/core/types.js';
import { displayValue, visibleFields } from '../../../forms/fields.js';
import { clip } from '../../../forms/text-edit.js';
import { ScrollWindow } from './ScrollWindow.js';

export interface ReviewListProps {
  spec: FormSpec;
  values: FormValues;
  width: number;
  /** Lines the list may use (default: all of it). */
  height?: number;
  scroll?: number;
}

export function ReviewList({ spec, values, width, height, scroll = 0 }: ReviewListProps) {
  const fields = visibleFields(spec, values);
  const labelWidth = Math.min(26, fields.reduce((w, f) => Math.max(w, f.label.length), 8) + 2, Math.max(8, Math.floor(width / 2) - 2));
  const rows = fields.map((f) => (
    <Box key={f.key}>
      <Box width={labelWidth + 2} flexShrink={0}>
        <Text>  {clip(f.label, labelWidth - 1)}</Text>
      </Box>
      <Text>{clip(displayValue(f, values[f.key]), Math.max(8, width - labelWidth - 3))}</Text>
    </Box>
  ));
  return <ScrollWindow rows={rows} height={height ?? rows.length} scroll={scroll} />;
}
