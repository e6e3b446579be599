import type { PendingStep } from '../../lambdas/domain/model';
import type { StepStore } from '../../lambdas/domain/ports';

const step = (stepIdHash: string, overrides: Partial<PendingStep> = {}): PendingStep => ({
  stepIdHash,
  purpose: 'second-factor',
  loginId: 'M20250401',
  createdAt: '2025-04-01T09:00:00.000Z',
  expiresAt: '2025-04-01T09:05:00.000Z',
  ...overrides,
});

/** What every StepStore must do, the fake as StepsTable. */
export function describeStepStoreContract(name: string, makeStore: () => StepStore | Promise<StepStore>): void {
  describe(`${name} (StepStore contract)`, () => {
    let store: StepStore;

    beforeEach(async () => {
      store = await makeStore();
    });

    it('reads back what was put, and nothing for an unknown step', async () => {
      // Prepare
      const withChallenge = step('s2', { purpose: 'passkey-sign-in', loginId: undefined, challenge: 'q1w2e3' });
      await store.put(step('s1'));
      await store.put(withChallenge);

      // Assess
      expect(await store.get('s1')).toEqual(step('s1'));
      expect(await store.get('s2')).toEqual(withChallenge);
      expect(await store.get('nothing')).toBeUndefined();
    });

    it('hands a step to the one taker, and then to nobody', async () => {
      // Prepare
      await store.put(step('s1'));

      // Act
      const first = await store.take('s1');
      const second = await store.take('s1');

      // Assess
      expect(first).toEqual(step('s1'));
      expect(second).toBeUndefined();
      expect(await store.get('s1')).toBeUndefined();
    });

    it('hands a step to exactly one of 15 parallel takers', async () => {
      // Prepare
      await store.put(step('s1'));

      // Act
      const taken = await Promise.all(Array.from({ length: 15 }, () => store.take('s1')));

      // Assess
      expect(taken.filter(Boolean)).toEqual([step('s1')]);
    });
  });
}
