// The review step: every submitted value by label, secrets masked.
import { Box, Text } from 'ink';
import type { FormSpec, FormValues } from '../../api/types.js';
import { displayValue, visibleFields } from '../../forms/fields.js';
import { clip } from '../../forms/text-edit.js';

export interface ReviewListProps {
  spec: FormSpec;
  values: FormValues;
  width: number;
}

export function ReviewList({ spec, values, width }: ReviewListProps) {
  const fields = visibleFields(spec, values);
  const labelWidth = Math.min(26, fields.reduce((w, f) => Math.max(w, f.label.length), 8) + 2);
  return (
    <Box flexDirection="column">
      {fields.map((f) => (
        <Box key={f.key}>
          <Box width={labelWidth + 2} flexShrink={0}>
            <Text>  {clip(f.label, labelWidth - 1)}</Text>
          </Box>
          <Text>{clip(displayValue(f, values[f.key]), Math.max(8, width - labelWidth - 3))}</Text>
        </Box>
      ))}
    </Box>
  );
}
