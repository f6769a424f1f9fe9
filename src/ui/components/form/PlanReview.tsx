// The edit review: old → new per field, an explicit confirmation for a version upgrade, and the exact
// request body (secrets masked) when the provider replaces the whole object. Everything between the title
// and the key hints scrolls as one list, so the title and the hints stay on screen at 80x24 and smaller.
import { Box, Text, useStdout } from 'ink';
import { useMemo, useRef, useState } from 'react';
import type { ChangePlan, FormSpec } from '../../../api/core/types.js';
import { sanitize } from '../../../present/format.js';
import { tint } from './colors.js';
import { MASK } from '../../../forms/fields.js';
import { bodyLines } from '../../../forms/mask-body.js';
import { clip } from '../../../forms/text-edit.js';
import { maxScroll, reviewRows, scrollStep, ScrollWindow } from './ScrollWindow.js';
import { fitHints, optional } from './hints.js';
import { useKeys } from '../../input/use-keys.js';

export interface PlanReviewProps {
  spec: FormSpec;
  plan: ChangePlan;
  onConfirm(): void;
  onBack(): void;
  busy?: boolean;
}

/** A diff entry that changes the PostgreSQL major version (postgresVersion, version, ...). */
export function versionChange(plan: ChangePlan): ChangePlan['diff'][number] | undefined {
  return plan.diff.find((d) => /version/i.test(d.key) && d.from !== d.to);
}

export function PlanReview({ spec, plan, onConfirm, onBack, busy = false }: PlanReviewProps) {
  const { stdout } = useStdout();
  const columns = stdout.columns || 80;
  const secretKeys = useMemo(() => new Set(spec.fields.filter((f) => f.kind === 'secret').map((f) => f.key)), [spec]);
  const lines = useMemo(() => (plan.body === undefined ? [] : bodyLines(plan.body, secretKeys)), [plan.body, secretKeys]);
  const upgrade = versionChange(plan);
  const [upgradeConfirmed, setUpgradeConfirmed] = useState(false);
  const confirmed = useRef(false);
  const [scroll, setScroll] = useState(0);
  const [notice, setNotice] = useState<string>();
  // The shell's header, the screen's title and this review's title, the notice and the key hints.
  const height = reviewRows(stdout.rows, 9);
  const labelWidth = Math.min(26, plan.diff.reduce((w, d) => Math.max(w, d.label.length), 8) + 2, Math.max(8, Math.floor(columns / 3)));

  const rows = [
    ...(plan.diff.length === 0 ? [<Text key="none" dimColor>  No field changed.</Text>] : []),
    ...plan.diff.map((d) => {
      const masked = secretKeys.has(d.key);
      const room = Math.max(8, columns - labelWidth - 6);
      return (
        <Box key={`d:${d.key}`}>
          <Box width={labelWidth + 2} flexShrink={0}>
            <Text>  {clip(d.label, labelWidth - 1)}</Text>
          </Box>
          <Text wrap="truncate-end">
            <Text color={tint('red')}>{clip(masked ? MASK : sanitize(d.from) || '(empty)', Math.max(6, Math.min(30, Math.floor(room / 2))))}</Text>
            {' → '}
            <Text color={tint('green')}>{clip(masked ? `${MASK} (changed)` : sanitize(d.to) || '(empty)', Math.max(6, Math.ceil(room / 2)))}</Text>
          </Text>
        </Box>
      );
    }),
    ...(upgrade
      ? [
          <Text key="upgrade" color={upgradeConfirmed ? tint('green') : tint('yellow')}>
            {upgradeConfirmed
              ? `✓ Upgrade ${sanitize(upgrade.from)} → ${sanitize(upgrade.to)} confirmed`
              : `! This upgrades PostgreSQL ${sanitize(upgrade.from)} → ${sanitize(upgrade.to)}; an upgrade cannot be undone. Press u to confirm it.`}
          </Text>,
        ]
      : []),
    ...(lines.length > 0
      ? [
          <Text key="gap"> </Text>,
          <Text key="caption" dimColor>
            {plan.method === 'PUT' ? 'The request replaces the whole object; this exact body is sent' : 'This exact body is sent'} ({lines.length} lines):
          </Text>,
          ...lines.map((line, i) => <Text key={`b:${i}`}>{clip(sanitize(line), columns - 1)}</Text>),
        ]
      : []),
  ];
  const limit = maxScroll(rows.length, height);

  useKeys((input, key) => {
    if (key.escape) return onBack();
    const delta = scrollStep(input, key, Math.max(1, height - 3));
    if (delta !== undefined) setScroll((s) => Math.max(0, Math.min(limit, s + delta)));
    else if (input === 'u' && upgrade) {
      confirmed.current = true;
      setUpgradeConfirmed(true);
      setNotice(undefined);
    } else if (key.return || (key.ctrl && input === 's')) {
      if (plan.diff.length === 0) setNotice('Nothing changed; esc goes back to the form.');
      else if (upgrade && !confirmed.current) setNotice('Confirm the version upgrade with u first.');
      else onConfirm();
    }
  }, !busy);

  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        Review changes — {plan.method} {sanitize(plan.path)}
      </Text>
      <ScrollWindow rows={rows} height={height} scroll={scroll} />
      {notice && <Text color={tint('yellow')}>{notice}</Text>}
      <Text dimColor wrap="truncate-end">
        {busy ? 'Applying…' : fitHints(['enter apply', ...(upgrade ? ['u confirm upgrade'] : []), ...(rows.length > height ? [optional('↑↓/pgup/pgdn scroll')] : []), 'esc back to the form'], columns - 1)}
      </Text>
    </Box>
  );
}
