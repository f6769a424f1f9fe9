import { describe, expect, it } from 'vitest';
import { CONFIRMS } from '../../src/ui/registry/confirms.js';
import { parseCommand } from '../../src/ui/registry/commands.js';
import { cluster, fakeStore } from '../screens/forms/doubles.js';

describe('confirmations table', () => {
  const c = cluster({ name: 'shop', profile: 'prod' });

  it('asks for the cluster name in every row and names the cluster in the title', () => {
    for (const spec of Object.values(CONFIRMS)) {
      expect(spec.expected(c)).toBe('shop');
      expect(spec.title(c)).toContain('shop');
    }
    expect(CONFIRMS.delete.title(c)).toBe('Delete shop (prod)? This destroys its data.');
  });

  it('gates every action but delete behind the matching store capability', () => {
    expect(CONFIRMS.delete.capability).toBeUndefined();
    expect(CONFIRMS.restart.capability).toBe('restart');
    expect(CONFIRMS.promote.capability).toBe('promote');
    expect(CONFIRMS.resetPassword.capability).toBe('resetPassword');
    expect(CONFIRMS.switchover.capability).toBe('switchover');
  });

  it('switchover calls its intent, and is refused before the typed name while the cluster is busy', async () => {
    const store = fakeStore({ switchover: async () => undefined });
    await expect(CONFIRMS.switchover.run(store, c)).resolves.toBe('shop is switching over to its standby');
    expect(store.switchover).toHaveBeenCalledWith(c);
    expect(CONFIRMS.switchover.refusal?.(c)).toBeUndefined();
    expect(CONFIRMS.switchover.refusal?.({ ...c, phase: 'updating', state: 'UPDATING' })).toBe('shop is updating; switch over it when it is ready');
  });

  it('each row calls its own intent and reports what the provider accepted', async () => {
    const store = fakeStore({ remove: async () => undefined });
    store.restart.mockResolvedValue(undefined);
    store.resetPassword.mockResolvedValue('n3w-secret');
    expect(CONFIRMS.delete.pending?.(c)).toBe('deleting shop…');
    await expect(CONFIRMS.delete.run(store, c)).resolves.toBe('shop is being deleted');
    expect(store.remove).toHaveBeenCalledWith(c);
    await expect(CONFIRMS.restart.run(store, c)).resolves.toBe('shop is restarting');
    expect(store.restart).toHaveBeenCalledWith(c);
    await expect(CONFIRMS.promote.run(store, c)).resolves.toBe('shop is being promoted to a primary');
    expect(store.promote).toHaveBeenCalledWith(c);
    await expect(CONFIRMS.resetPassword.run(store, c)).resolves.toEqual({ secret: 'n3w-secret', title: 'New password for shop', note: 'Shown once; pgtui stored it for psql.' });
    expect(store.resetPassword).toHaveBeenCalledWith(c);
  });

  it('a refused intent rejects, so the overlay can show the error', async () => {
    const store = fakeStore();
    store.restart.mockRejectedValue(new Error('prod: 409 Conflict'));
    await expect(CONFIRMS.restart.run(store, c)).rejects.toThrow('409 Conflict');
  });
});

describe(':commands', () => {
  it('parses the known commands with or without the colon', () => {
    for (const q of ['q', 'quit', 'q!', ':q']) expect(parseCommand(q)).toEqual({ type: 'quit' });
    expect(parseCommand(' profiles ')).toEqual({ type: 'profiles' });
    expect(parseCommand('profile')).toEqual({ type: 'profiles' });
    expect(parseCommand('new')).toEqual({ type: 'create' });
    expect(parseCommand('create')).toEqual({ type: 'create' });
    expect(parseCommand('help')).toEqual({ type: 'help' });
    expect(parseCommand('')).toEqual({ type: 'none' });
    expect(parseCommand('frob')).toEqual({ type: 'unknown', text: 'unknown command :frob (try :profiles, :create, :journal, :q)' });
  });
});
