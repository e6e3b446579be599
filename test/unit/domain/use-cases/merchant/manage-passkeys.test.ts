import { LastFactorError, PasskeyNotFoundError, ProofRequiredError, ValidationError } from '../../../../../lambdas/domain/errors';
import { deletePasskey } from '../../../../../lambdas/domain/use-cases/merchant/delete-passkey';
import { listPasskeys } from '../../../../../lambdas/domain/use-cases/merchant/list-passkeys';
import { renamePasskey } from '../../../../../lambdas/domain/use-cases/merchant/rename-passkey';
import type { NodeAuthenticator } from '../../../../support/node-authenticator';
import { failureOf, MERCHANT, type FakeWorld } from '../../../fakes/world';
import { merchantsWithPasskeys, OTHER_MERCHANT, registeredPasskey } from './passkey-support';

describe('パスキーの管理 (list, rename, delete)', () => {
  let world: FakeWorld;
  let sessionId: string;
  let mine: NodeAuthenticator;
  let theirs: NodeAuthenticator;

  beforeEach(async () => {
    ({ world, sessionId, mine, theirs } = await merchantsWithPasskeys('iPhone'));
  });

  it('lists only the merchant’s passkeys, without key material', async () => {
    // Act
    const listed = await listPasskeys(sessionId, world);

    // Assess
    expect(listed).toEqual([
      { id: mine.credentialId, name: 'iPhone', addedAt: '2025-04-01T09:00:00.000Z', lastUsedAt: null, synced: false },
    ]);
  });

  it('renames the merchant’s own passkey', async () => {
    // Act
    const renamed = await renamePasskey(sessionId, { id: mine.credentialId, name: ' 会社のiPhone ' }, world);

    // Assess
    expect(renamed).toEqual({ id: mine.credentialId, name: '会社のiPhone' });
    expect((await listPasskeys(sessionId, world))[0].name).toBe('会社のiPhone');
    expect(world.audit.last()).toMatchObject({ event: 'passkey.renamed', outcome: 'success' });
  });

  it('refuses a name that is empty or longer than 50 characters', async () => {
    const error = await failureOf(renamePasskey(sessionId, { id: mine.credentialId, name: 'x'.repeat(51) }, world));
    expect(error).toBeInstanceOf(ValidationError);
    expect((await listPasskeys(sessionId, world))[0].name).toBe('iPhone');
  });

  it('neither renames nor deletes another merchant’s passkey', async () => {
    // Act
    const rename = await failureOf(renamePasskey(sessionId, { id: theirs.credentialId, name: '乗っ取り' }, world));
    const removal = await failureOf(deletePasskey(sessionId, { id: theirs.credentialId }, world));

    // Assess
    expect(rename).toBeInstanceOf(PasskeyNotFoundError);
    expect(removal).toBeInstanceOf(PasskeyNotFoundError);
    expect(await world.passkeys.getPasskey(theirs.credentialId)).toMatchObject({
      loginId: OTHER_MERCHANT.loginId,
      name: 'パスキー (2025/04/01 登録)',
    });
  });

  it('deletes the merchant’s own passkey, audits it and sends a notice', async () => {
    // Act
    await deletePasskey(sessionId, { id: mine.credentialId }, world);

    // Assess
    expect(await listPasskeys(sessionId, world)).toEqual([]);
    expect(world.audit.last()).toMatchObject({ event: 'passkey.deleted', outcome: 'success', loginId: MERCHANT.loginId });
    expect(world.mailer.sent.at(-1)).toMatchObject({
      to: MERCHANT.email,
      subject: '【GMOフィナンシャルゲート】お客様サポートWEB パスキー削除のお知らせ',
    });
  });

  it('asks for the password again before a deletion when the sign-in is more than 5 minutes old', async () => {
    // Prepare
    world.clock.advance({ minutes: 6 });

    // Act
    const error = await failureOf(deletePasskey(sessionId, { id: mine.credentialId }, world));

    // Assess
    expect(error).toBeInstanceOf(ProofRequiredError);
    expect(await listPasskeys(sessionId, world)).toHaveLength(1);
  });

  it('keeps the last factor where two-step sign-in is required, but not a second one', async () => {
    // Prepare
    world.mfaPolicy = 'required';
    world.factors.seed(`${MERCHANT.loginId}#recovery-codes`, {
      loginId: MERCHANT.loginId,
      kind: 'recovery-codes',
      addedAt: world.clock.iso(),
    });

    // Act
    const error = await failureOf(deletePasskey(sessionId, { id: mine.credentialId }, world));
    const second = await registeredPasskey(world, sessionId);
    await deletePasskey(sessionId, { id: second.credentialId }, world);

    // Assess
    expect(error).toBeInstanceOf(LastFactorError);
    expect((await listPasskeys(sessionId, world)).map((p) => p.id)).toEqual([mine.credentialId]);
  });

  it('deletes the last factor where two-step sign-in is optional, and its recovery codes with it', async () => {
    // Prepare
    expect(await world.codeFactors.recoveryCodesOf(MERCHANT.loginId)).toBeDefined();

    // Act
    await deletePasskey(sessionId, { id: mine.credentialId }, world);

    // Assess: no factor is left, so a password sign-in asks no second step
    expect(await listPasskeys(sessionId, world)).toEqual([]);
    expect(await world.codeFactors.recoveryCodesOf(MERCHANT.loginId)).toBeUndefined();
    expect(await world.codeFactors.recoveryCodesOf(OTHER_MERCHANT.loginId)).toBeDefined();
  });
});
