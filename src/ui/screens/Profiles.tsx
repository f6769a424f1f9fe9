// Profiles (login): every profile with its health; add, edit and remove them. Saving verifies the
// credentials against the provider first and starts polling the profile at once.
import { sanitize } from '../../present/format.js';
import { Box, Text, useStdout } from 'ink';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Profile } from '../../api/profile.js';
import { type FieldErrors, type FormSpec, type FormValues, type ProviderKind } from '../../api/core/types.js';
import { PROVIDER_KINDS, PROVIDER_LABELS } from '../../api/registry.js';
import { useProfilesApi, useStore } from '../shell/context.js';
import { Form } from '../components/Form.js';
import { tint } from '../components/form/colors.js';
import { failureOf } from '../components/form/failure.js';
import { initialValues } from '../../forms/fields.js';
import { PickList } from '../components/form/PickList.js';
import { useKeys } from '../input/use-keys.js';
import { fitHints, optional } from '../components/form/hints.js';
import { profileFromValues, valuesFromProfile } from './profile-form/convert.js';
import { ENV_SOURCE_HINT, verifyFailure } from './profile-form/messages.js';
import { ProfileDetail } from './profile-form/ProfileDetail.js';
import { ProfileRows, profileRows, type ProfileRow } from './profile-form/ProfileRows.js';
import { dangerFields, profileFormSpec, savedSecretPlaceholders } from './profile-form/specs.js';

export interface ProfilesProps {
  onBack: () => void;
  /** `q` on the list of profiles (not while typing into a form). */
  onQuit?: () => void;
  /** Whether a form (add, edit, remove) is open: ctrl-c asks before it drops typed input. */
  onEditing?: (editing: boolean) => void;
}

type Mode =
  | { mode: 'list' }
  | { mode: 'pick-kind' }
  | { mode: 'form'; kind: ProviderKind; spec: FormSpec; editing?: Profile }
  | { mode: 'remove'; row: ProfileRow; spec: FormSpec };


function removeSpec(name: string): FormSpec {
  return {
    title: `Remove profile ${name}? Its clusters stay; pgtui only forgets the profile.`,
    fields: [{ key: 'confirm', label: 'Type its name', kind: 'text', help: `type ${name} to confirm` }],
    validate: (v): FieldErrors => (v.confirm === name ? {} : { confirm: `type ${name} exactly` }),
  };
}

export function Profiles({ onBack, onQuit, onEditing }: ProfilesProps) {
  const store = useStore();
  const profilesApi = useProfilesApi();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [saved, setSaved] = useState<Profile[]>(() => profilesApi.list());
  const rows = profileRows(saved, snapshot.profiles);
  const [index, setIndex] = useState(0);
  const live = useRef(0);
  const [state, setState] = useState<Mode>({ mode: 'list' });
  const [values, setValues] = useState<FormValues>({});
  const [formMessage, setFormMessage] = useState<string>();
  const [serverErrors, setServerErrors] = useState<FieldErrors>();
  const [busy, setBusy] = useState<string>();
  const [status, setStatus] = useState<{ text: string; tone: 'ok' | 'error' }>();
  const { stdout } = useStdout();
  const columns = stdout.columns || 80;

  const select = (i: number) => {
    live.current = Math.max(0, Math.min(rows.length - 1, i));
    setIndex(live.current);
  };

  const openForm = (kind: ProviderKind, editing?: Profile) => {
    const spec = profileFormSpec(kind, { existingNames: rows.map((r) => r.name), editing });
    setValues(editing ? initialValues(spec, valuesFromProfile(editing)) : initialValues(spec));
    setFormMessage(undefined);
    setServerErrors(undefined);
    setState({ mode: 'form', kind, spec, editing });
  };

  const refreshProfiles = (select?: string) => {
    const list = profilesApi.list();
    setSaved(list);
    store.setProfiles(list);
    if (select !== undefined) {
      const at = profileRows(list, store.getSnapshot().profiles).findIndex((r) => r.name === select);
      live.current = Math.max(0, at);
      setIndex(live.current);
    }
  };

  useEffect(() => onEditing?.(state.mode !== 'list'), [state.mode, onEditing]);

  useKeys((input, key) => {
    setStatus(undefined);
    const row = rows[live.current];
    if (key.escape) onBack();
    else if (input === 'q' && !key.ctrl && !key.meta) onQuit?.();
    else if (key.upArrow || input === 'k') select(live.current - 1);
    else if (key.downArrow || input === 'j') select(live.current + 1);
    else if (input === 'a') setState({ mode: 'pick-kind' });
    else if (input === 'r') store.refresh(row?.name);
    else if ((input === 'e' || key.return) && row) {
      if (row.source === 'env') setStatus({ text: `${row.name} cannot be edited here: ${ENV_SOURCE_HINT}.`, tone: 'error' });
      else if (!row.profile) setStatus({ text: `${row.name} is not in the config file.`, tone: 'error' });
      else openForm(row.kind, row.profile);
    } else if (input === 'd' && row) {
      if (row.source === 'env') setStatus({ text: `${row.name} cannot be removed: ${ENV_SOURCE_HINT}.`, tone: 'error' });
      else {
        setValues({ confirm: '' });
        setFormMessage(undefined);
        setState({ mode: 'remove', row, spec: removeSpec(row.name) });
      }
    }
  }, state.mode === 'list');

  async function save(kind: ProviderKind, submitted: FormValues, editing?: Profile) {
    const profile = profileFromValues(kind, submitted, editing);
    setBusy(`Verifying ${profile.name} against the ${PROVIDER_LABELS[kind]} API…`);
    setFormMessage(undefined);
    setServerErrors(undefined);
    try {
      await profilesApi.save(profile);
    } catch (err) {
      setBusy(undefined);
      setFormMessage(verifyFailure(err));
      setServerErrors(failureOf(err).fieldErrors);
      return;
    }
    setBusy(undefined);
    refreshProfiles(profile.name);
    setStatus({ text: `Saved ${profile.name}; its clusters are loading.`, tone: 'ok' });
    setState({ mode: 'list' });
  }

  async function remove(row: ProfileRow) {
    setBusy(`Removing ${row.name}…`);
    try {
      await profilesApi.remove(row.name);
    } catch (err) {
      setBusy(undefined);
      setFormMessage(failureOf(err).message);
      return;
    }
    setBusy(undefined);
    refreshProfiles(undefined);
    select(Math.min(live.current, rows.length - 2));
    setStatus({ text: `Removed ${row.name}.`, tone: 'ok' });
    setState({ mode: 'list' });
  }

  if (state.mode === 'pick-kind') {
    return (
      <Box flexDirection="column">
        <Text bold>Add a profile — which provider?</Text>
        <PickList
          items={PROVIDER_KINDS.map((k) => ({ value: k, label: PROVIDER_LABELS[k] }))}
          onPick={(k) => openForm(k as ProviderKind)}
          onCancel={() => setState({ mode: 'list' })}
        />
        <Text dimColor>↑↓ move · enter choose · esc back</Text>
      </Box>
    );
  }

  if (state.mode === 'form' || state.mode === 'remove') {
    const back = () => setState({ mode: 'list' });
    return (
      <Box flexDirection="column">
        <Form
          key={state.mode === 'form' ? `${state.kind}:${state.editing?.name ?? ''}` : `remove:${state.row.name}`}
          spec={state.spec}
          values={values}
          onChange={setValues}
          onSubmit={(submitted) => void (state.mode === 'form' ? save(state.kind, submitted, state.editing) : remove(state.row))}
          onCancel={back}
          serverErrors={serverErrors}
          message={formMessage}
          lockImmutable={state.mode === 'form' && state.editing !== undefined}
          lockedReason="fixed; to rename, add a new profile"
          dangerFields={state.mode === 'form' ? dangerFields(state.kind) : undefined}
          placeholders={state.mode === 'form' ? savedSecretPlaceholders(state.editing) : undefined}
          submitLabel={state.mode === 'form' ? 'verify and save' : 'remove'}
          isActive={busy === undefined}
        />
        {busy && <Text>{sanitize(busy)}</Text>}
      </Box>
    );
  }

  return (
    <Box flexDirection="column">
      <Text bold>Profiles</Text>
      <ProfileRows rows={rows} index={Math.min(index, Math.max(0, rows.length - 1))} width={columns} />
      {rows[Math.min(index, rows.length - 1)]?.profile && (
        // The shell's header, this title, the rows, the status and the key hints take the rest.
        <ProfileDetail profile={rows[Math.min(index, rows.length - 1)]!.profile!} width={columns} height={(stdout.rows || 24) - rows.length - 6} />
      )}
      {status && <Text color={tint(status.tone === 'ok' ? 'green' : 'red')}>{sanitize(status.text)}</Text>}
      <Text dimColor wrap="truncate-end">{fitHints([optional('↑↓ move'), 'a add', 'e edit', optional('d remove'), optional('r refresh'), 'esc back'], columns - 1)}</Text>
    </Box>
  );
}
