import type { Email, Mailer } from '../../../lambdas/domain/ports';

/** Keeps every email it is given; can be told to fail the next sends. */
export class FakeMailer implements Mailer {
  readonly sent: Email[] = [];
  private readonly failures: Error[] = [];

  failNext(error: Error = new Error('MessageRejected: sending paused'), times = 1): void {
    for (let i = 0; i < times; i += 1) this.failures.push(error);
  }

  async send(email: Email): Promise<void> {
    await Promise.resolve();
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push({ ...email });
  }
}
