import { AccountStateError } from '../../../../../lambdas/domain/errors';
import { updateLetterAddress } from '../../../../../lambdas/domain/use-cases/ops/update-letter-address';
import { fakeWorld, LETTER, seedInvitedAccount, type FakeWorld } from '../../../fakes/world';

const ADDRESS = { companyName: '株式会社サンプル', postalCode: '150-0043', postalAddress: '東京都渋谷区道玄坂1-2-3\nサンプルビル5階' };
const BY = { operator: 'ops-tanaka' };

describe('updateLetterAddress (ops)', () => {
  let world: FakeWorld;

  beforeEach(async () => {
    world = fakeWorld();
    await seedInvitedAccount(world, { letter: { companyName: '旧商号株式会社', contactName: '佐藤 花子' } });
  });

  it('replaces the whole address block, so a contact left out is gone too', async () => {
    // Act
    await updateLetterAddress(LETTER.loginId, ADDRESS, BY, world);

    // Assess
    expect(world.accounts.peek(LETTER.loginId)?.letter).toEqual(ADDRESS);
  });

  it('writes an audit line with the operator and the fields, never the address', async () => {
    // Act
    await updateLetterAddress(LETTER.loginId, ADDRESS, BY, world);

    // Assess
    expect(world.audit.last()).toEqual({
      event: 'account.address-updated',
      outcome: 'success',
      loginId: LETTER.loginId,
      fields: 'companyName,postalCode,postalAddress',
      operator: 'ops-tanaka',
    });
    expect(JSON.stringify(world.audit.events)).not.toContain('道玄坂');
  });

  it('refuses an unknown login ID, creating nothing, audited as a failure', async () => {
    // Act
    const attempt = updateLetterAddress('SHOP-9999', ADDRESS, BY, world);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(AccountStateError);
    await expect(attempt).rejects.toThrow('No account SHOP-9999; nothing was changed.');
    expect(world.accounts.peek('SHOP-9999')).toBeUndefined();
    expect(world.audit.last()).toEqual({
      event: 'account.address-updated',
      outcome: 'failure',
      loginId: 'SHOP-9999',
      reason: 'unknown login ID',
      operator: 'ops-tanaka',
    });
  });
});
