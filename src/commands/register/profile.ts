// `pgtui profile add|list|remove|test`: the profiles (docs/profiles.md), without the UI. Its subcommands are its own.
import { Help } from 'commander';
import { PROVIDER_KINDS, profileAddOptions } from '../../api/registry.js';
import type { Wiring } from './wiring.js';

export const name = 'profile';

export function register({ program, action }: Wiring): void {
  const profile = program.command('profile').description('manage profiles without the UI');
  const add = profile
    .command('add <name>')
    .description('add a profile; credentials are verified before saving (secrets via stdin or environment)')
    .requiredOption('--provider <kind>', `${PROVIDER_KINDS.slice(0, -1).join(', ')} or ${PROVIDER_KINDS.at(-1)}`);
  // Each provider's own flags (its module's `cli.options`), merged by flag.
  for (const o of profileAddOptions()) add.option(o.flags, o.description, o.defaultValue);
  add
    .option('--read-only', 'save the profile as read-only: never create, change or delete through it (same as --protection read-only)')
    .option('--protection <level>', 'normal, protected (every change needs the cluster name: --confirm NAME with --yes) or read-only')
    // Its own --read-only is the only one its help lists (the global one would read as a second, other meaning).
    .configureHelp({ showGlobalOptions: true, visibleGlobalOptions: (cmd) => Object.assign(new Help(), { showGlobalOptions: true }).visibleGlobalOptions(cmd).filter((o) => o.long !== '--read-only') })
    .action(action(async (ctx, name: string, opts) => (await import('../profile.js')).profileAdd(ctx, name, opts as import('../profile.js').ProfileAddOptions)));
  profile
    .command('list')
    .option('--json', 'JSON')
    .action(action(async (ctx, opts: { json?: boolean }) => (await import('../profile.js')).profileList(ctx, Boolean(opts.json))));
  profile.command('remove <name>').action(action(async (ctx, name: string) => (await import('../profile.js')).profileRemove(ctx, name)));
  profile.command('test [name]').description('verify the credentials of one profile, or of every profile without a name').action(action(async (ctx, name: string | undefined) => (await import('../profile.js')).profileTest(ctx, name)));
}
