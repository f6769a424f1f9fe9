// Create a cluster: pick a writable profile, fill the provider's form, review every value, submit.
import { Box, Text, useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { type Cluster, type FieldErrors, type FormSpec, type FormValues } from '../../api/core/types.js';
import { PROVIDER_LABELS } from '../../api/registry.js';
import type { ClusterStore } from '../../state/types.js';
import { useStore } from '../shell/context.js';
import { Form } from '../components/Form.js';
import { initialValues, submittedValues, visibleFields } from '../../forms/fields.js';
import { failureOf } from '../components/form/failure.js';
import { PickList } from '../components/form/PickList.js';
import { ReviewList } from '../components/form/ReviewList.js';
import { ConfirmTyped } from '../components/ConfirmTyped.js';
import { isProtected } from '../shell/protection.js';
import { formRows, maxScroll, reviewRows, scrollStep } from '../components/form/ScrollWindow.js';
import { fitHints, optional } from '../components/form/hints.js';
import { tint } from '../components/form/colors.js';
import { useKeys } from '../input/use-keys.js';
import { useFormLoad } from '../hooks/form-load.js';
import { sanitize } from '../../present/format.js';

export interface CreateClusterProps {
  profiles: string[];
  initialProfile?: string;
  onDone: (c: Cluster) => void;
  onCancel: () => void;
}

type Step = 'pick' | 'loading' | 'load-error' | 'form' | 'review' | 'typing' | 'submitting';

/** Profiles that may create: not read-only in the profile nor in its health row. */
export function writableProfiles(store: ClusterStore, names: string[]): string[] {
  const health = store.getSnapshot().profiles;
  return names.filter((n) => !store.profileOf(n)?.readOnly && !health.find((h) => h.profile === n)?.readOnly);
}

export function CreateCluster({ profiles, initialProfile, onDone, onCancel }: CreateClusterProps) {
  const store = useStore();
  const [writable] = useState(() => writableProfiles(store, profiles));
  const preset = initialProfile && writable.includes(initialProfile) ? initialProfile : writable.length === 1 ? writable[0] : undefined;
  const [profile, setProfile] = useState<string | undefined>(preset);
  const [step, setStep] = useState<Step>(preset ? 'loading' : 'pick');
  const [spec, setSpec] = useState<FormSpec>();
  const [values, setValues] = useState<FormValues>({});
  const [message, setMessage] = useState<string>();
  const [serverErrors, setServerErrors] = useState<FieldErrors>();
  const [attempt, setAttempt] = useState(0);
  const submitting = useRef(false);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  // Back from the review, the form reopens on the field the user was on, not the first one.
  const focus = useRef<string | undefined>(undefined);
  const { stdout } = useStdout();
  const columns = stdout.columns || 80;
  const reviewHeight = reviewRows(stdout.rows);
  const [reviewScroll, setReviewScroll] = useState(0);

  // `attempt` asks again on retry.
  useFormLoad(step === 'loading' && profile ? `${profile}\0${attempt}` : undefined, {
    load: (signal) => store.createForm(profile!, signal),
    loaded: (loaded) => {
      setSpec(loaded);
      setValues(initialValues(loaded));
      setMessage(undefined);
      setServerErrors(undefined);
      setStep('form');
    },
    failed: (line) => {
      setMessage(line);
      setStep('load-error');
    },
  });

  const backFromForm = () => {
    if (!preset && writable.length > 1) setStep('pick');
    else onCancel();
  };

  useKeys(
    (input, key) => {
      if (step === 'pick' && key.escape) onCancel();
      if (step === 'loading' && key.escape) backFromForm();
      if (step === 'load-error') {
        if (key.escape) backFromForm();
        else if (input === 'r' || key.return) {
          setAttempt((a) => a + 1);
          setStep('loading');
        }
      }
      if (step === 'review') {
        const delta = scrollStep(input, key, Math.max(1, reviewHeight - 3));
        if (key.escape) setStep('form');
        // A protected profile (docs/plans.md) wants the new cluster's name typed first.
        else if (key.return || (key.ctrl && input === 's')) void (profile && isProtected(store, { profile }) ? setStep('typing') : submit());
        else if (delta !== undefined && spec) setReviewScroll((s) => Math.max(0, Math.min(maxScroll(visibleFields(spec, values).length, reviewHeight), s + delta)));
      }
    },
    step === 'loading' || step === 'load-error' || step === 'review' || (step === 'pick' && writable.length === 0),
  );

  async function submit() {
    if (!profile || !spec || submitting.current) return;
    submitting.current = true;
    setStep('submitting');
    try {
      const cluster = await store.create(profile, submittedValues(spec, values));
      if (mounted.current) onDone(cluster);
    } catch (err) {
      if (!mounted.current) return;
      const failure = failureOf(err);
      setMessage(failure.message);
      setServerErrors(failure.fieldErrors);
      setStep('form');
    } finally {
      submitting.current = false;
    }
  }

  const kind = profile ? store.profileOf(profile)?.kind ?? store.getSnapshot().profiles.find((h) => h.profile === profile)?.kind : undefined;
  const header = (
    <Text>
      <Text bold>Create cluster</Text>
      {profile && step !== 'pick' ? <Text dimColor> · profile {sanitize(profile)}{kind ? ` (${PROVIDER_LABELS[kind]})` : ''}</Text> : null}
    </Text>
  );

  if (step === 'pick') {
    if (writable.length === 0) {
      return (
        <Box flexDirection="column">
          {header}
          <Text color={tint('yellow')}>{profiles.length === 0 ? 'No profiles yet: add one under :profiles (or try pgtui --demo).' : 'No profile can create clusters: every profile is read-only. Add one under :profiles.'}</Text>
          <Text dimColor>esc back</Text>
        </Box>
      );
    }
    return (
      <Box flexDirection="column">
        {header}
        <Text>Which profile should own the new cluster?</Text>
        <PickList
          items={writable.map((name) => {
            const k = store.profileOf(name)?.kind;
            return { value: name, label: name, detail: k ? PROVIDER_LABELS[k] : undefined };
          })}
          initialValue={profile}
          onPick={(name) => {
            if (name !== profile) {
              setSpec(undefined);
              focus.current = undefined;
            }
            setProfile(name);
            setStep(name === profile && spec ? 'form' : 'loading');
          }}
          onCancel={onCancel}
        />
        <Text dimColor>↑↓ move · enter choose · esc cancel</Text>
      </Box>
    );
  }

  if (step === 'loading' || step === 'load-error') {
    return (
      <Box flexDirection="column">
        {header}
        {step === 'loading' ? (
          <Text>Loading the create form for {profile}…</Text>
        ) : (
          <Text color={tint('red')}>Could not load the create form: {message}</Text>
        )}
        <Text dimColor>{step === 'loading' ? 'esc cancel' : 'r retry · esc back'}</Text>
      </Box>
    );
  }

  if (!spec) return header;

  const newName = values.name ?? values.displayName ?? '';
  if (step === 'typing') {
    return (
      <Box flexDirection="column">
        {header}
        <ConfirmTyped title={`Profile ${profile ?? ''} is protected: create ${newName}?`} expected={newName} onConfirm={() => void submit()} onCancel={() => setStep('review')} untouched="nothing was sent" />
      </Box>
    );
  }

  if (step === 'review' || step === 'submitting') {
    return (
      <Box flexDirection="column">
        {header}
        <Text bold>Review — {sanitize(spec.title)}</Text>
        <ReviewList spec={spec} values={values} width={columns} height={reviewHeight} scroll={reviewScroll} />
        {step === 'submitting' ? (
          <Text>Creating on {profile}…</Text>
        ) : (
          <Text dimColor wrap="truncate-end">
            {fitHints(['enter create', ...(visibleFields(spec, values).length > reviewHeight ? [optional('↑↓ scroll')] : []), 'esc back to the form'], columns - 1)}
          </Text>
        )}
      </Box>
    );
  }

  return (
    <Box flexDirection="column">
      {header}
      <Form
        maxRows={formRows(stdout.rows)}
        key={profile}
        spec={spec}
        values={values}
        onChange={setValues}
        onSubmit={() => {
          setReviewScroll(0);
          setStep('review');
        }}
        onCancel={backFromForm}
        serverErrors={serverErrors}
        message={message}
        initialFocus={focus.current}
        onFocusChange={(key) => (focus.current = key)}
        submitLabel="review"
      />
    </Box>
  );
}
