import type { PendingStep } from '../../../lambdas/domain/model';
import type { StepStore } from '../../../lambdas/domain/ports';

/** The steps table in memory; `take` hands a step to one caller only, like the adapter. */
export class FakeStepStore implements StepStore {
  private readonly items = new Map<string, PendingStep>();

  all(): PendingStep[] {
    return [...this.items.values()].map((item) => structuredClone(item));
  }

  async put(step: PendingStep): Promise<void> {
    await Promise.resolve();
    this.items.set(step.stepIdHash, structuredClone(step));
  }

  async get(stepIdHash: string): Promise<PendingStep | undefined> {
    await Promise.resolve();
    const item = this.items.get(stepIdHash);
    return item && structuredClone(item);
  }

  async take(stepIdHash: string): Promise<PendingStep | undefined> {
    await Promise.resolve();
    const item = this.items.get(stepIdHash);
    this.items.delete(stepIdHash);
    return item;
  }
}
