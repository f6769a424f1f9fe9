// The provider's form for the create and edit screens: asked for while `request` is set and again when it
// changes (another profile, a retry), the answer dropped when the screen has left or asked again meanwhile.
import { useEffect, useRef } from 'react';
import type { FormSpec } from '../../api/core/types.js';
import { errorText } from '../../present/errors.js';
import { sanitize } from '../../present/format.js';

export interface FormLoad {
  load: (signal: AbortSignal) => Promise<FormSpec>;
  loaded: (spec: FormSpec) => void;
  /** One line, sanitised. */
  failed: (message: string) => void;
}

export function useFormLoad(request: string | undefined, how: FormLoad): void {
  const latest = useRef(how);
  latest.current = how;
  useEffect(() => {
    if (request === undefined) return;
    const abort = new AbortController();
    latest.current.load(abort.signal).then(
      (spec) => {
        if (!abort.signal.aborted) latest.current.loaded(spec);
      },
      (err: unknown) => {
        if (!abort.signal.aborted) latest.current.failed(sanitize(errorText(err)));
      },
    );
    return () => abort.abort();
  }, [request]);
}
