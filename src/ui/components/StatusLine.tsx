// The header: what is shown, and one line per profile that is failing (naming it).
import { PROTECTION_COLORS, PROTECTION_LABELS } from '../../api/core/protection.js';
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import type { ProfileHealth } from '../../state/types.js';
import { sanitize, truncate } from '../../present/format.js';
import { tint } from './form/colors.js';
import { Spinner } from './Spinner.js';
import { counted } from '../../text/plural.js';
import { freshnessText, msUntilFreshnessChanges } from '../../present/age-tick.js';

/** What the status line shows: a message, an error, or work in flight. */
export interface StatusMessage {
  text: string;
  error: boolean;
  /** Work in flight: drawn with a spinner. */
  busy: boolean;
}

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
  /** Only the clusters that are not green are shown (the faults key). */
  faults?: boolean;
}

/** When the stalest profile whose inventory cadence the request budget sets was last listed ("updated 40 s ago"). */
function stalestRefresh(profiles: readonly ProfileHealth[]): number | undefined {
  const times = profiles.filter((p) => p.budgetLimited && p.lastRefresh !== undefined).map((p) => p.lastRefresh!);
  return times.length === 0 ? undefined : times.reduce((a, b) => Math.min(a, b));
}

/** The freshness text, re-rendered when it next changes (as the AGE column ticks: ../present/age-tick.ts). */
function useFreshness(lastRefresh: number | undefined): string | undefined {
  const [, tick] = useState(0);
  useEffect(() => {
    if (lastRefresh === undefined) return;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      timer = setTimeout(() => {
        tick((n) => n + 1);
        arm();
      }, msUntilFreshnessChanges(lastRefresh, Date.now()));
    };
    arm();
    return () => clearTimeout(timer);
  }, [lastRefresh]);
  return lastRefresh === undefined ? undefined : freshnessText(lastRefresh, Date.now());
}

export function Header({ banner, readOnly, shown, total, filter, profiles, width, message, notice, position, faults }: HeaderProps) {
  const fresh = useFreshness(stalestRefresh(profiles));
  const failing = profiles.filter((p) => p.status === 'error');
  // A list that answered with warnings (unreadable items, paging stopped early, duplicate ids) is partial.
  const alerts = failing.concat(profiles.filter((p) => p.status !== 'error' && p.warning));
  const loading = profiles.filter((p) => p.status === 'loading').length;
  const insecure = profiles.filter((p) => p.insecure).map((p) => p.profile);
  // Each protected or read-only profile by name, in its level's colour (docs/plans.md); normal ones say nothing.
  const guarded = readOnly ? [] : (['read-only', 'protected'] as const).map((level) => [level, profiles.filter((p) => (p.protection ?? (p.readOnly ? 'read-only' : 'normal')) === level).map((p) => p.profile)] as const).filter(([, names]) => names.length > 0);
  const range = position ? `${position} of ` : '';
  const matching = `${faults ? ' with faults (not green)' : ''}${filter ? ` matching "${sanitize(filter)}"` : ''}`;
  const counts = matching ? `${range}${shown}/${total} clusters${matching}` : `${range}${counted(total, 'cluster')}`;
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
        <Text> · {counts} · {counted(profiles.length, 'profile')}</Text>
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
