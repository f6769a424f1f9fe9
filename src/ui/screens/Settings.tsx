// `C` on a cluster's detail: its settings through the edit flow — readSettings, a form with one typed field per
// setting, the reviewed diff (old → new), then updateSettings. A read-only profile shows them without a form.
import { Box, Text, type Key } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { SettingsView } from '../../api/core/insight.js';
import type { ChangePlan, FormSpec, FormValues } from '../../api/core/types.js';
import { Form } from '../components/Form.js';
import { PlanReview } from '../components/form/PlanReview.js';
import { ConfirmTyped } from '../components/ConfirmTyped.js';
import { isProtected } from '../shell/protection.js';
import { failureOf } from '../components/form/failure.js';
import { useKeys } from '../input/use-keys.js';
import { actionIn, back, down, help, quit, refresh, up, type Binding } from '../input/keymap.js';
import { useStore } from '../shell/context.js';
import { errorText } from '../../present/errors.js';
import { forScreen, oneLine } from '../../text/safe.js';
import { Unsupported, type InsideProps } from './inside-common.js';
import { initialSettings, settingsChanges, settingsForm, settingsPlan } from './settings-form.js';

/** The settings screen's keys (its scope in the screen registry, src/ui/registry/screens.ts); its form draws its own hints. */
export const SETTINGS_KEYS: readonly Binding[] = [down, up, back, refresh, help, quit];

type Step = 'loading' | 'load-error' | 'form' | 'review' | 'typing' | 'applying';

export function Settings(props: InsideProps) {
  const store = useStore();
  return store.supports(props.cluster, 'settings') ? <SettingsEditor {...props} /> : <Unsupported {...props} title="Settings" capability="settings" />;
}

function SettingsEditor({ cluster, height, readOnly, active, onBack, onHelp, onQuit, say, onEditing }: InsideProps) {
  const store = useStore();
  const [step, setStep] = useState<Step>('loading');
  const [view, setView] = useState<SettingsView>();
  const [spec, setSpec] = useState<FormSpec>();
  const [values, setValues] = useState<FormValues>({});
  const [plan, setPlan] = useState<ChangePlan>();
  const [message, setMessage] = useState<string>();
  const [scroll, setScroll] = useState(0);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  const editing = !readOnly && (step === 'form' || step === 'review' || step === 'typing' || step === 'applying');
  useEffect(() => onEditing?.(editing), [editing, onEditing]);
  useEffect(() => () => onEditing?.(false), [onEditing]);

  useEffect(() => {
    if (step !== 'loading') return;
    const ctrl = new AbortController();
    store.readSettings(cluster, { signal: ctrl.signal }).then(
      (v) => {
        if (ctrl.signal.aborted) return;
        setView(v);
        setSpec(settingsForm(v, cluster.name));
        setValues(initialSettings(v));
        setStep('form');
      },
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        setMessage(errorText(err));
        setStep('load-error');
      },
    );
    return () => ctrl.abort();
  }, [step, store, cluster]);

  // Keys while nothing editable is open: loading, a load error, or the read-only list.
  const rows = Object.entries(view?.values ?? {});
  useKeys((input: string, key: Key) => {
    const action = actionIn(SETTINGS_KEYS, input, key, true);
    if (action === 'back') onBack();
    else if (action === 'help') onHelp();
    else if (action === 'quit') onQuit();
    else if (action === 'refresh' && step === 'load-error') setStep('loading');
    else if (action === 'down') setScroll((s) => Math.min(s + 1, Math.max(0, rows.length - (height - 3))));
    else if (action === 'up') setScroll((s) => Math.max(0, s - 1));
  }, active && (step === 'loading' || step === 'load-error' || (readOnly && step === 'form')));

  const title = (
    <Text wrap="truncate">
      <Text bold>Settings · {forScreen(cluster.name)}</Text>
      {readOnly ? <Text color="yellow"> · read-only profile: shown, not changed</Text> : null}
    </Text>
  );

  if (step === 'loading' || step === 'load-error' || !spec || !view) {
    return (
      <Box flexDirection="column">
        {title}
        {step === 'load-error' ? <Text color="red" wrap="truncate">Could not read the settings: {oneLine(message ?? '')}</Text> : <Text dimColor>loading…</Text>}
        <Text dimColor>{step === 'load-error' ? 'r retry · esc back' : 'esc back'}</Text>
      </Box>
    );
  }

  if (readOnly) {
    return (
      <Box flexDirection="column" height={height}>
        {title}
        <Text dimColor>{rows.length} set; every other setting runs with its default</Text>
        {rows.slice(scroll, scroll + Math.max(1, height - 3)).map(([k, v]) => (
          <Text key={k} wrap="truncate">{oneLine(k, 60).padEnd(36)} {oneLine(v, 200)}</Text>
        ))}
      </Box>
    );
  }

  function send() {
    if (step === 'applying' || !view) return;
    setStep('applying');
    store.updateSettings(cluster, settingsChanges(view, values)).then(
      (result) => {
        if (!mounted.current) return;
        say?.(result.message ? `${cluster.name}: settings saved; ${oneLine(result.message, 200)}` : `${cluster.name}: settings saved`);
        onBack();
      },
      (err: unknown) => {
        if (!mounted.current) return;
        setMessage(failureOf(err).message);
        setStep('form');
      },
    );
  }

  // A protected profile (docs/plans.md) wants the cluster's exact name typed before the change is sent.
  if (step === 'typing') {
    return (
      <Box flexDirection="column">
        {title}
        <ConfirmTyped title={`Profile ${cluster.profile} is protected: change the settings of ${cluster.name}?`} expected={cluster.name} onConfirm={send} onCancel={() => setStep('review')} untouched="nothing was sent" />
      </Box>
    );
  }

  if ((step === 'review' || step === 'applying') && plan) {
    return (
      <Box flexDirection="column">
        {title}
        <PlanReview spec={spec} plan={plan} busy={step === 'applying'} onBack={() => setStep('form')} onConfirm={() => (isProtected(store, cluster) ? setStep('typing') : send())} />
      </Box>
    );
  }

  // The form's own title names the cluster.
  return (
    <Box flexDirection="column">
      <Form spec={spec} values={values} onChange={setValues} message={message} submitLabel="review changes" isActive={active && step === 'form'} maxRows={Math.max(3, height - 4)}
        onCancel={onBack}
        onSubmit={(submitted) => {
          const changes = settingsChanges(view, submitted);
          if (Object.keys(changes).length === 0) return setMessage('nothing changed');
          setMessage(undefined);
          setPlan(settingsPlan(view, changes));
          setStep('review');
        }} />
    </Box>
  );
}
