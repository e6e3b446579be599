import type { AuditLog, Clock, FactorStore, PasskeyCeremonies, PasskeyStore, Random, StepStore } from '../../ports';

/** What every passkey use case works with. */
export interface PasskeyDeps {
  passkeys: PasskeyStore;
  factors: FactorStore;
  steps: StepStore;
  ceremonies: PasskeyCeremonies;
  audit: AuditLog;
  clock: Clock;
  random: Random;
  /** The site's origin: the only origin a passkey answer may come from, and the RP ID's host. */
  siteUrl: string;
}
