import type { Call } from '../declared-calls';
import type { Resources } from '../resources';

/** What a factory of a heavy adapter is given by the composition root. */
export interface AdapterContext {
  readonly resources: Resources;
  /** The SDK client's configuration (the region, when one is set). */
  readonly clientConfig: { region?: string };
  /** The needs' verdict on one call; every client a factory builds refuses what it denies. */
  readonly allowed: (call: Call) => boolean;
  /** Who the collaborators serve, named in a refusal. */
  readonly owner: string;
}

export type AdapterFactory<T> = (context: AdapterContext) => T;
