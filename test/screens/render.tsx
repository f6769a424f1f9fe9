// Renders a screen the way the App does: inside the provider that hands it the store and the profiles API.
import type { ReactElement } from 'react';
import { render } from 'ink-testing-library';
import type { ClusterStore, ProfilesApi } from '../../src/state/types.js';
import { StoreProvider } from '../../src/ui/shell/context.js';
import { fakeProfilesApi } from './forms/doubles.js';

export function renderScreen(ui: ReactElement, store: ClusterStore, profiles: ProfilesApi = fakeProfilesApi([])) {
  return render(
    <StoreProvider store={store} profiles={profiles}>
      {ui}
    </StoreProvider>,
  );
}
