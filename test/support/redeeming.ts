import { LinkInvalidError } from '../../lambdas/domain/errors';

/** A passcode sure to be wrong: six digits, never the one mailed. */
export const otherThan = (passcode: string) => (passcode === '000000' ? '999999' : '000000');

/** The link was refused for this reason (unknown, expired, used, voided…). */
export function expectLinkProblem(error: unknown, reason: string): void {
  expect(error).toBeInstanceOf(LinkInvalidError);
  expect((error as LinkInvalidError).reason).toBe(reason);
}
