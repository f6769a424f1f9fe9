// The edit review: old → new per field, an explicit confirmation for a version upgrade, and the exact
// request body (scrollable, secrets masked) when the provider replaces the whole object.
import { Box, Text, useStdout } from 'ink';
import { useMemo, useRef, useState } from 'react';
import type { ChangePlan, FormSpec } from '../../api/types.js';
import { sanitize } from '../../format.js';
import { tint } from './colors.js';
import { MASK } from '../../forms/fields.js';
import { bodyLines } from '../../forms/mask-body.js';
import { clip } from '../../forms/text-edit.js';
import { useKeys } from './use-keys.js';

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
  // Title, body caption, notice, key hints, and the shell's own header and status lines.
  const fixedRows = 9 + plan.diff.length + (upgrade ? 1 : 0);
  const viewport = Math.max(4, (stdout.rows || 24) - fixedRows);
  const maxScroll = Math.max(0, lines.length - viewport);

  useKeys((input, key) => {
      if (key.escape) return onBack();
      if (key.downArrow || input === 'j') setScroll((s) => Math.min(maxScroll, s + 1));
      else if (key.upArrow || input === 'k') setScroll((s) => Math.max(0, s - 1));
      else if (key.pageDown || input === ' ') setScroll((s) => Math.min(maxScroll, s + viewport));
      else if (key.pageUp) setScroll((s) => Math.max(0, s - viewport));
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

  const labelWidth = Math.min(26, plan.diff.reduce((w, d) => Math.max(w, d.label.length), 8) + 2);
  const secretLabels = new Set(spec.fields.filter((f) => f.kind === 'secret').map((f) => f.key));
  return (
    <Box flexDirection="column">
      <Text bold>
        Review changes — {plan.method} {sanitize(plan.path)}
      </Text>
      {plan.diff.length === 0 && <Text dimColor>  No field changed.</Text>}
      {plan.diff.map((d) => {
        const masked = secretLabels.has(d.key);
        return (
          <Box key={d.key}>
            <Box width={labelWidth + 2} flexShrink={0}>
              <Text>  {clip(d.label, labelWidth - 1)}</Text>
            </Box>
            <Text>
              <Text color={tint('red')}>{clip(masked ? MASK : sanitize(d.from) || '(empty)', 30)}</Text>
              {' → '}
              <Text color={tint('green')}>{clip(masked ? `${MASK} (changed)` : sanitize(d.to) || '(empty)', Math.max(8, columns - labelWidth - 40))}</Text>
            </Text>
          </Box>
        );
      })}
      {upgrade && (
        <Text color={upgradeConfirmed ? tint('green') : tint('yellow')}>
          {upgradeConfirmed
            ? `✓ Upgrade ${sanitize(upgrade.from)} → ${sanitize(upgrade.to)} confirmed`
            : `! This upgrades PostgreSQL ${sanitize(upgrade.from)} → ${sanitize(upgrade.to)}; an upgrade cannot be undone. Press u to confirm it.`}
        </Text>
      )}
      {lines.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text dimColor>
            {plan.method === 'PUT' ? 'The request replaces the whole object; this exact body is sent' : 'This exact body is sent'} (lines {scroll + 1}–{Math.min(lines.length, scroll + viewport)} of {lines.length}):
          </Text>
          {lines.slice(scroll, scroll + viewport).map((line, i) => (
            <Text key={scroll + i}>{clip(sanitize(line), columns - 1)}</Text>
          ))}
        </Box>
      )}
      {notice && <Text color={tint('yellow')}>{notice}</Text>}
      <Text dimColor>
        {busy ? 'Applying…' : `enter apply${upgrade ? ' · u confirm upgrade' : ''}${lines.length > viewport ? ' · ↑↓/pgup/pgdn scroll' : ''} · esc back to the form`}
      </Text>
    </Box>
  );
}
