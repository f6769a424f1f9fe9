// The profiles list: health from the store, source and badges from the profile itself.
import { PROTECTION_COLORS, protectionOf, type Protection } from '../../../api/core/protection.js';
import { Box, Text } from 'ink';
import type { Profile } from '../../../api/profile.js';
import { type ProviderKind } from '../../../api/core/types.js';
import { moduleFor, PROVIDER_LABELS } from '../../../api/registry.js';
import { sanitize } from '../../../present/format.js';
import type { ProfileHealth } from '../../../state/types.js';
import { tint } from '../../components/form/colors.js';
import { clip } from '../../../forms/text-edit.js';
import { wrapText } from '../../../forms/wrap.js';

export interface ProfileRow {
  name: string;
  kind: ProviderKind;
  source: 'file' | 'env' | 'demo';
  readOnly: boolean;
  /** read-only, protected or normal; absent: from readOnly. */
  protection?: Protection;
  insecure: boolean;
  health?: ProfileHealth;
  profile?: Profile;
}

/** Saved/env profiles first (in their order), then any the store polls that the list does not name. */
export function profileRows(profiles: readonly Profile[], health: readonly ProfileHealth[]): ProfileRow[] {
  const rows: ProfileRow[] = profiles.map((p) => {
    const h = health.find((x) => x.profile === p.name);
    return {
      name: p.name,
      kind: p.kind,
      source: p.source ?? 'file',
      readOnly: Boolean(p.readOnly || h?.readOnly),
      protection: h?.readOnly ? 'read-only' : protectionOf(p),
      insecure: Boolean(moduleFor(p.kind).insecure?.(p) || h?.insecure),
      health: h,
      profile: p,
    };
  });
  for (const h of health) {
    if (!rows.some((r) => r.name === h.profile)) {
      rows.push({ name: h.profile, kind: h.kind, source: 'file', readOnly: h.readOnly, insecure: h.insecure, health: h });
    }
  }
  return rows;
}

function status(h: ProfileHealth | undefined): { text: string; color?: 'green' | 'red' | 'yellow' } {
  if (!h) return { text: '· not polled yet' };
  if (h.status === 'ok') return h.warning ? { text: '● partial', color: 'yellow' } : { text: '● ok', color: 'green' };
  if (h.status === 'error') return { text: '● error', color: 'red' };
  return { text: '○ loading', color: 'yellow' };
}

export function ProfileRows({ rows, index, width }: { rows: ProfileRow[]; index: number; width: number }) {
  if (rows.length === 0) return <Text dimColor>  No profiles yet. Press a to add one.</Text>;
  const nameWidth = Math.min(24, rows.reduce((w, r) => Math.max(w, r.name.length), 8) + 2, Math.max(8, width - 28));
  // Narrow terminals drop the cluster count, then the source, rather than wrap each row over three lines.
  const showCount = width >= 2 + nameWidth + 13 + 13 + 12 + 6;
  const showSource = width >= 2 + nameWidth + 13 + 13 + 6;
  return (
    <Box flexDirection="column">
      {rows.map((r, i) => {
        const s = status(r.health);
        const selected = i === index;
        const level: Protection = r.protection ?? (r.readOnly ? 'read-only' : 'normal');
        const count = r.health ? `${r.health.clusterCount} cluster${r.health.clusterCount === 1 ? '' : 's'}` : '';
        return (
          <Box key={r.name} flexDirection="column">
            <Box>
              <Text color={selected ? tint('cyan') : undefined}>{selected ? '❯ ' : '  '}</Text>
              <Box width={nameWidth} flexShrink={0}>
                <Text bold={selected}>{clip(r.name, nameWidth - 1)}</Text>
              </Box>
              <Box width={13} flexShrink={0}>
                <Text>{PROVIDER_LABELS[r.kind]}</Text>
              </Box>
              <Box width={13} flexShrink={0}>
                <Text color={s.color ? tint(s.color) : undefined}>{s.text}</Text>
              </Box>
              {showCount && (
                <Box width={12} flexShrink={0}>
                  <Text>{count}</Text>
                </Box>
              )}
              {showSource && (
                <Box width={6} flexShrink={0}>
                  <Text dimColor>{r.source}</Text>
                </Box>
              )}
              {level !== 'normal' && <Text color={tint(PROTECTION_COLORS[level])}>[{level}] </Text>}
              {r.insecure && <Text color={tint('red')}>[insecure]</Text>}
            </Box>
            {r.health?.status === 'error' &&
              r.health.error &&
              // A TLS failure names the certificate problem at its end: wrapped, not cut at the edge.
              wrapText(sanitize(r.health.error), Math.max(10, width - nameWidth - 3), 3).map((line, k) => (
                <Box key={k} marginLeft={2 + nameWidth}>
                  <Text color={tint('red')}>{line}</Text>
                </Box>
              ))}
          </Box>
        );
      })}
    </Box>
  );
}
