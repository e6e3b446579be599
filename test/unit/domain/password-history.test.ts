import { PasswordPolicyError } from '../../../lambdas/domain/errors';
import type { Account } from '../../../lambdas/domain/model';
import { verifyPassword } from '../../../lambdas/domain/password-hash';
import { historyWith, refuseRecentPassword } from '../../../lambdas/domain/password-history';
import { HISTORY_SIZE } from '../../../lambdas/domain/password-policy';
import { SeededRandom } from '../fakes/random';
import { PASSWORDS, quickHash } from '../fakes/world';

const [P1, P2, P3] = PASSWORDS.previous;

function account(history: string[], initialPasswordHash?: string): Account {
  return {
    loginId: 'M20250401',
    status: initialPasswordHash ? 'invited' : 'registered',
    passwordHistory: history,
    initialPasswordHash,
    createdAt: '2025-04-01T09:00:00.000Z',
  };
}

async function refusal(password: string, of: Account) {
  const onRefused = jest.fn();
  const outcome = await refuseRecentPassword(password, of, onRefused).then(
    () => undefined,
    (error: unknown) => error,
  );
  return { outcome, onRefused };
}

describe('password history', () => {
  const history = [PASSWORDS.current, P1, P2, P3].map(quickHash);

  it('keeps 4 passwords', () => {
    expect(HISTORY_SIZE).toBe(4);
  });

  describe('refuseRecentPassword', () => {
    it.each([PASSWORDS.current, P1, P2, P3])('refuses %s, one of the last 4, naming the history rule', async (password) => {
      // Act
      const { outcome, onRefused } = await refusal(password, account(history));

      // Assess
      expect(outcome).toBeInstanceOf(PasswordPolicyError);
      expect((outcome as PasswordPolicyError).violations).toEqual([
        { rule: 'history', message: '過去4つ前までに使用したパスワードは登録できません。' },
      ]);
      expect(onRefused).toHaveBeenCalledTimes(1);
    });

    it('allows a password older than the last 4, and one never used', async () => {
      // Act
      const older = await refusal(PASSWORDS.fifthOldest, account(history));
      const fresh = await refusal(PASSWORDS.fresh, account(history));

      // Assess
      expect([older.outcome, fresh.outcome]).toEqual([undefined, undefined]);
      expect(older.onRefused).not.toHaveBeenCalled();
    });

    it("counts the letter's initial password while the account has one", async () => {
      // Act
      const { outcome } = await refusal(PASSWORDS.fifthOldest, account([], quickHash(PASSWORDS.fifthOldest)));

      // Assess
      expect(outcome).toBeInstanceOf(PasswordPolicyError);
    });

    it('looks at no more than 4, the initial password last', async () => {
      // Act: four in the history push the initial password out.
      const { outcome } = await refusal(PASSWORDS.fifthOldest, account(history, quickHash(PASSWORDS.fifthOldest)));

      // Assess
      expect(outcome).toBeUndefined();
    });
  });

  describe('historyWith', () => {
    it('puts the new password first and drops the oldest beyond 4', async () => {
      // Act
      const next = await historyWith(PASSWORDS.fresh, account(history), new SeededRandom());

      // Assess
      expect(next).toHaveLength(4);
      expect(next.slice(1)).toEqual(history.slice(0, 3));
      expect(await verifyPassword(PASSWORDS.fresh, next[0])).toBe(true);
      expect(next[0]).not.toContain(PASSWORDS.fresh);
    });

    it('keeps the initial password behind the first one of a registration', async () => {
      // Prepare
      const initial = quickHash('Hq7#xTk4Wp9=Ny');

      // Act
      const next = await historyWith(PASSWORDS.fresh, account([], initial), new SeededRandom());

      // Assess
      expect(next).toHaveLength(2);
      expect(next[1]).toBe(initial);
    });
  });
});
