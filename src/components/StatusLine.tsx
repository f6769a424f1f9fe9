// The header: what is shown, and one line per profile that is failing (naming it).
import { PROTECTION_COLORS, PROTECTION_LABELS } from '../api/protection.js';
import { Box, Text } from 'ink';
import type { ProfileHealth } from '../state/types.js';
import { sanitize, truncate } from '../format.js';
import { tint } from './form/colors.js';
import { Spinner } from './Spinner.js';
import type { StatusMessage } from '../tui/status.js';

export interface HeaderProps {
  banner?: string;
  readOnly: boolean;
  shown: number;
  total: number;
  filter: string;
  profiles: readonly ProfileHealth[];
  width: number;
  /** A flash or work in flight (../tui/status.ts). */
  message?: StatusMessage;
  /** The store's rate-limit notice ("rate limited by ClickHouse, retrying in 4 s"). */
  notice?: string;
  /** Which rows are on screen when not all fit ("1–20": the header reads "1–20 of 21 clusters"). */
  position?: string;
}

/** "updated 40 s ago" for the stalest profile whose inventory cadence the request budget sets. */
function freshness(profiles: readonly ProfileHealth[], now = Date.now()): string | undefined {
  const times = profiles.filter((p) => p.budgetLimited && p.lastRefresh !== undefined).map((p) => p.lastRefresh!);
  if (times.length === 0) return undefined;
  const secs = Math.max(0, Math.round((now - times.reduce((a, b) => Math.min(a, b))) / 1000));
  return secs < 120 ? `updated ${secs} s ago` : `updated ${Math.round(secs / 60)} min ago`;
}

export function Header({ banner, readOnly, shown, total, filter, profiles, width, message, notice, position }: HeaderProps) {
  const fresh = freshness(profiles);
  const failing = profiles.filter((p) => p.status === 'error');
  // A list that answered with warnings (unreadable items, paging stopped early, duplicate ids) is partial.
  const alerts = failing.concat(profiles.filter((p) => p.status !== 'error' && p.warning));
  const loading = profiles.filter((p) => p.status === 'loading').length;
  const insecure = profiles.filter((p) => p.insecure).map((p) => p.profile);
  // Each protected or read-only profile by name, in its level's colour (docs/plans.md); normal ones say nothing.
  const guarded = readOnly ? [] : (['read-only', 'protected'] as const).map((level) => [level, profiles.filter((p) => (p.protection ?? (p.readOnly ? 'read-only' : 'normal')) === level).map((p) => p.profile)] as const).filter(([, names]) => names.length > 0);
  const range = position ? `${position} of ` : '';
  const counts = filter ? `${range}${shown}/${total} clusters matching "${sanitize(filter)}"` : `${range}${total} clusters`;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold color={tint('cyan')}>pgtui</Text>
        {banner ? <Text color={tint('magenta')}> [{sanitize(banner)}]</Text> : null}
        {readOnly ? <Text color={tint('yellow')} bold> READ-ONLY</Text> : null}
        {guarded.map(([level, names]) => (
          <Text key={level} color={tint(PROTECTION_COLORS[level])} bold> {PROTECTION_LABELS[level]}: {sanitize(names.join(', '))}</Text>
        ))}
        {insecure.length ? <Text color={tint('red')} bold> INSECURE TLS: {sanitize(insecure.join(', '))}</Text> : null}
        <Text> · {counts} · {profiles.length} profiles</Text>
        {loading ? <Text dimColor> · loading {loading}</Text> : null}
        {fresh ? <Text dimColor> · {fresh}</Text> : null}
        {notice ? <Text color={tint('yellow')}> · {sanitize(notice)}</Text> : null}
      </Text>
      {alerts.slice(0, 3).map((p) =>
        p.status === 'error' ? (
          <Text key={p.profile} color={tint('red')} wrap="truncate">
            ✗ {truncate(sanitize(`${p.profile}: ${(p.error ?? 'failing').replace(`${p.profile}: `, '')}`), width - 4)}
          </Text>
        ) : (
          <Text key={p.profile} color={tint('yellow')} wrap="truncate">
            ⚠ {truncate(sanitize(`partial: ${p.warning ?? ''}`), width - 4)}
          </Text>
        ),
      )}
      {alerts.length > 3 ? <Text color={tint('red')}>✗ {alerts.length - 3} more profiles failing or partial (:profiles)</Text> : null}
      {message ? (
        <Text color={message.error ? tint('red') : message.busy ? undefined : tint('green')} wrap="truncate">
          {message.busy ? <Spinner color={tint('cyan')} /> : null}
          {message.busy ? ' ' : ''}
          {sanitize(message.text)}
        </Text>
      ) : null}
    </Box>
  );
}
