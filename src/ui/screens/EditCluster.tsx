// Edit a cluster: the provider's edit form prefilled (immutable fields locked), a reviewed diff, then update.
import { Box, Text, useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { TRANSITIONAL_PHASES, type ChangePlan, type Cluster, type FieldErrors, type FormSpec, type FormValues } from '../../api/core/types.js';
import { PROVIDER_LABELS } from '../../api/registry.js';
import { sanitize } from '../../present/format.js';
import { useStore } from '../shell/context.js';
import { Form } from '../components/Form.js';
import { tint } from '../components/form/colors.js';
import { useKeys } from '../input/use-keys.js';
import { useFormLoad } from '../hooks/form-load.js';
import { failureOf } from '../components/form/failure.js';
import { initialValues, submittedValues } from '../../forms/fields.js';
import { PlanReview } from '../components/form/PlanReview.js';
import { ConfirmTyped } from '../components/ConfirmTyped.js';
import { isProtected } from '../shell/protection.js';
import { formRows } from '../components/form/ScrollWindow.js';

export interface EditClusterProps {
  cluster: Cluster;
  onDone: (c: Cluster) => void;
  onCancel: () => void;
}

type Step = 'loading' | 'load-error' | 'form' | 'planning' | 'review' | 'typing' | 'applying';

/**
 * What the status line says once an update is accepted, worded from the phase the provider answered with (the
 * row shows the same): IONOS answers UPDATING, a PGO cluster is `degraded` while its pods restart.
 */
export function changeSentText(c: Cluster): string {
  const sent = `change sent to ${sanitize(c.name)}`;
  if (TRANSITIONAL_PHASES.has(c.phase)) return `${sent}; it shows ${c.phase} until the provider is done`;
  if (c.phase === 'ready') return `${sent}; the provider reports it ready`;
  return `${sent}; it shows ${c.phase} (${sanitize(c.state)}) while the provider applies it`;
}

export function EditCluster({ cluster, onDone, onCancel }: EditClusterProps) {
  const store = useStore();
  const { stdout } = useStdout();
  const [step, setStep] = useState<Step>('loading');
  const [spec, setSpec] = useState<FormSpec>();
  const [values, setValues] = useState<FormValues>({});
  const [plan, setPlan] = useState<ChangePlan>();
  const [message, setMessage] = useState<string>();
  const [serverErrors, setServerErrors] = useState<FieldErrors>();
  const [attempt, setAttempt] = useState(0);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  // Back from the review, the form reopens on the field the user was on, not the first one.
  const focus = useRef<string | undefined>(undefined);

  // `attempt` asks again on retry.
  useFormLoad(step === 'loading' ? `${cluster.profile}\0${cluster.id}\0${attempt}` : undefined, {
    load: (signal) => store.editForm(cluster, signal),
    loaded: (loaded) => {
      setSpec(loaded);
      setValues(initialValues(loaded));
      setMessage(undefined);
      setStep('form');
    },
    failed: (line) => {
      setMessage(line);
      setStep('load-error');
    },
  });

  useKeys(
    (input, key) => {
      if (key.escape) onCancel();
      else if (step === 'load-error' && (input === 'r' || key.return)) {
        setAttempt((a) => a + 1);
        setStep('loading');
      }
    },
    step === 'loading' || step === 'load-error',
  );

  function rejected(err: unknown) {
    if (!mounted.current) return;
    const failure = failureOf(err);
    setMessage(failure.message);
    setServerErrors(failure.fieldErrors);
    setStep('form');
  }

  async function makePlan(submitted: FormValues) {
    setStep('planning');
    try {
      const next = await store.planUpdate(cluster, submitted);
      if (!mounted.current) return;
      setPlan(next);
      setMessage(undefined);
      setServerErrors(undefined);
      setStep('review');
    } catch (err) {
      rejected(err);
    }
  }

  async function apply() {
    if (!spec || step === 'applying') return;
    setStep('applying');
    try {
      const updated = await store.update(cluster, submittedValues(spec, values));
      if (mounted.current) onDone(updated);
    } catch (err) {
      rejected(err);
    }
  }

  const header = (
    <Text>
      <Text bold>Edit cluster {sanitize(cluster.name)}</Text>
      <Text dimColor>
        {' '}
        · profile {cluster.profile} ({PROVIDER_LABELS[cluster.provider]})
      </Text>
    </Text>
  );

  if (step === 'loading' || step === 'load-error' || !spec) {
    return (
      <Box flexDirection="column">
        {header}
        {step === 'load-error' ? (
          <Text color={tint('red')}>Could not load the edit form: {message}</Text>
        ) : (
          <Text>Loading the edit form…</Text>
        )}
        <Text dimColor>{step === 'load-error' ? 'r retry · esc back' : 'esc cancel'}</Text>
      </Box>
    );
  }

  // A protected profile (docs/plans.md) wants the cluster's exact name typed before the change is sent.
  if (step === 'typing') {
    return (
      <Box flexDirection="column">
        {header}
        <ConfirmTyped title={`Profile ${cluster.profile} is protected: apply this change to ${cluster.name}?`} expected={cluster.name} onConfirm={() => void apply()} onCancel={() => setStep('review')} untouched="nothing was sent" />
      </Box>
    );
  }

  if ((step === 'review' || step === 'applying') && plan) {
    return (
      <Box flexDirection="column">
        {header}
        <PlanReview spec={spec} plan={plan} onConfirm={() => (isProtected(store, cluster) ? setStep('typing') : void apply())} onBack={() => setStep('form')} busy={step === 'applying'} />
      </Box>
    );
  }

  return (
    <Box flexDirection="column">
      {header}
      <Form
        maxRows={formRows(stdout.rows)}
        spec={spec}
        values={values}
        onChange={setValues}
        onSubmit={(submitted) => void makePlan(submitted)}
        onCancel={onCancel}
        serverErrors={serverErrors}
        message={message}
        initialFocus={focus.current}
        onFocusChange={(key) => (focus.current = key)}
        lockImmutable
        lockedReason="fixed at create; the provider cannot change it"
        submitLabel="review changes"
        isActive={step === 'form'}
      />
      {step === 'planning' && <Text>Working out the changes…</Text>}
    </Box>
  );
}
