import { hashToken } from '../../../../../lambdas/domain/completion-token';
import { EmailUnavailableError, InvalidCredentialsError, PasscodeWrongError } from '../../../../../lambdas/domain/errors';
import type { Identity } from '../../../../../lambdas/domain/ports';
import { japanDateTime } from '../../../../../lambdas/domain/japan-time';
import { completeEmailChange } from '../../../../../lambdas/domain/use-cases/merchant/complete-email-change';
import { signedInSession } from '../../../fakes/signed-in-session';
import { requestEmailChange } from '../../../../../lambdas/domain/use-cases/merchant/request-email-change';
import { requestPasswordReset } from '../../../../../lambdas/domain/use-cases/merchant/request-password-reset';
import { showHome } from '../../../../../lambdas/domain/use-cases/merchant/show-home';
import {
  failureOf,
  fakeWorld,
  lastRegistrationMails,
  MERCHANT,
  PASSWORDS,
  seedRegisteredAccount,
  type FakeWorld,
} from '../../../fakes/world';
import { expectLinkProblem, otherThan } from '../../../../support/redeeming';

const NEW_EMAIL = 'hanako.new@example.net';
const NOTICE_SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス変更完了のお知らせ';

describe('completeEmailChange (メールアドレス変更 → パスコード → 設定)', () => {
  let world: FakeWorld;
  let sessionId: string;

  async function requested(newEmail = NEW_EMAIL) {
    await requestEmailChange(sessionId, { newEmail }, world);
    const { token, passcode } = lastRegistrationMails(world);
    return { token, passcode };
  }

  beforeEach(async () => {
    world = fakeWorld();
    seedRegisteredAccount(world);
    sessionId = await signedInSession({ loginId: MERCHANT.email, password: PASSWORDS.current }, world);
  });

  describe('success', () => {
    it('makes the new address the login ID in the directory and the account; the old one no longer logs in', async () => {
      // Prepare
      const proof = await requested();

      // Act
      await completeEmailChange(proof, world);

      // Assess
      expect(world.accounts.peek(MERCHANT.loginId)?.email).toBe(NEW_EMAIL);
      expect(world.identity.userOf(NEW_EMAIL)).toEqual({ loginId: MERCHANT.loginId, password: PASSWORDS.current });
      await expect(signedInSession({ loginId: NEW_EMAIL, password: PASSWORDS.current }, world)).resolves.toBeDefined();
      await expect(signedInSession({ loginId: MERCHANT.email, password: PASSWORDS.current }, world)).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    });

    it('uses the request up and forgets it on the account', async () => {
      // Prepare
      const proof = await requested();

      // Act
      await completeEmailChange(proof, world);
      const again = await failureOf(completeEmailChange(proof, world));

      // Assess
      expect(world.requests.peek(hashToken(proof.token))?.status).toBe('used');
      expect(world.accounts.peek(MERCHANT.loginId)).not.toHaveProperty('pendingEmailChangeTokenHash');
      expectLinkProblem(again, 'used');
    });

    it('tells the old address, with the new one masked and the time in Japan time', async () => {
      // Prepare
      const proof = await requested();
      world.clock.advance({ minutes: 4 });

      // Act
      await completeEmailChange(proof, world);

      // Assess
      const notice = world.mailer.sent[world.mailer.sent.length - 1];
      expect(notice.to).toBe(MERCHANT.email);
      expect(notice.subject).toBe(NOTICE_SUBJECT);
      expect(notice.text).toContain('新しいメールアドレス : h***@example.net');
      expect(notice.text).toContain(`変更日時 : ${japanDateTime('2025-04-01T09:04:00.000Z')}`);
      expect(notice.text).not.toContain(NEW_EMAIL);
    });

    it('records the change for auditors with the old address masked', async () => {
      // Prepare
      const proof = await requested();

      // Act
      await completeEmailChange(proof, world);

      // Assess
      expect(world.audit.named('email-change.completed')).toEqual([
        {
          event: 'email-change.completed',
          outcome: 'success',
          loginId: MERCHANT.loginId,
          email: NEW_EMAIL,
          previousEmail: 'h***@example.com',
        },
      ]);
      const logged = JSON.stringify(world.audit.events);
      for (const secret of [proof.token, proof.passcode]) expect(logged).not.toContain(secret);
    });

    it('completes even when the notice cannot be sent, and audits the lost notice', async () => {
      // Prepare
      const proof = await requested();
      world.mailer.failNext(new Error('MessageRejected'));

      // Act
      const result = completeEmailChange(proof, world);

      // Assess
      await expect(result).resolves.toBeUndefined();
      expect(world.accounts.peek(MERCHANT.loginId)?.email).toBe(NEW_EMAIL);
      expect(world.audit.named('notice.not-sent')).toEqual([
        { event: 'notice.not-sent', outcome: 'failure', loginId: MERCHANT.loginId, email: MERCHANT.email, reason: NOTICE_SUBJECT },
      ]);
    });

    it('keeps the session: the home shows the new address at once', async () => {
      // Prepare
      const proof = await requested();

      // Act
      await completeEmailChange(proof, world);

      // Assess
      expect((await showHome(sessionId, world)).email).toBe(NEW_EMAIL);
    });

    it('lets a later password reset go to the new address only', async () => {
      // Prepare
      await completeEmailChange(await requested(), world);
      world.mailer.sent.length = 0;

      // Act
      await requestPasswordReset({ email: MERCHANT.email }, world);
      await requestPasswordReset({ email: NEW_EMAIL }, world);

      // Assess
      expect(world.mailer.sent.map((m) => m.to)).toEqual([NEW_EMAIL, NEW_EMAIL]);
    });
  });

  describe('the address taken meanwhile', () => {
    it('by another account: EmailUnavailableError, nothing changes, and the request is not held', async () => {
      // Prepare
      const proof = await requested();
      seedRegisteredAccount(world, { loginId: 'M20250402', email: NEW_EMAIL });

      // Act
      const error = await failureOf(completeEmailChange(proof, world));

      // Assess
      expect(error).toBeInstanceOf(EmailUnavailableError);
      expect((error as EmailUnavailableError).message).toBe('このメールアドレスは他のアカウントで使用されているため、変更できません。');
      expect(world.requests.peek(hashToken(proof.token))).toMatchObject({ status: 'pending', wrongPasscodes: 0 });
      expect(world.accounts.peek(MERCHANT.loginId)?.email).toBe(MERCHANT.email);
      expect(world.identity.userOf(MERCHANT.email)?.loginId).toBe(MERCHANT.loginId);
      expect(world.mailer.sent).toHaveLength(2);
    });

    it('in the directory at the last moment: EmailUnavailableError, the claim is released and nothing changes', async () => {
      // Prepare: a first login completing with the address reaches the directory before the accounts table.
      const proof = await requested();
      world.identity.seed({ email: NEW_EMAIL, loginId: 'M20250402', password: PASSWORDS.fresh });

      // Act
      const error = await failureOf(completeEmailChange(proof, world));

      // Assess
      expect(error).toBeInstanceOf(EmailUnavailableError);
      expect(world.requests.peek(hashToken(proof.token))?.status).toBe('pending');
      expect(world.accounts.peek(MERCHANT.loginId)?.email).toBe(MERCHANT.email);
      expect(world.identity.userOf(MERCHANT.email)?.loginId).toBe(MERCHANT.loginId);
      expect(world.identity.userOf(NEW_EMAIL)?.loginId).toBe('M20250402');
    });
  });

  describe('links', () => {
    it('counts a wrong passcode', async () => {
      // Prepare
      const proof = await requested();

      // Act
      const error = await failureOf(completeEmailChange({ ...proof, passcode: otherThan(proof.passcode) }, world));

      // Assess
      expect(error).toBeInstanceOf(PasscodeWrongError);
      expect(world.audit.last()).toMatchObject({ event: 'email-change.passcode-failed', wrongPasscodes: 1 });
    });

    it('says "voided" after 5 wrong passcodes, even to the right one', async () => {
      // Prepare
      const proof = await requested();
      for (let i = 0; i < 5; i += 1) await failureOf(completeEmailChange({ ...proof, passcode: otherThan(proof.passcode) }, world));

      // Act
      const error = await failureOf(completeEmailChange(proof, world));

      // Assess
      expectLinkProblem(error, 'voided');
      expect(world.accounts.peek(MERCHANT.loginId)?.email).toBe(MERCHANT.email);
    });

    it('says "replaced" for the first link after a second request; the second works', async () => {
      // Prepare
      const first = await requested();
      const second = await requested('hanako.other@example.net');

      // Act
      const error = await failureOf(completeEmailChange(first, world));
      await completeEmailChange(second, world);

      // Assess
      expectLinkProblem(error, 'replaced');
      expect(world.accounts.peek(MERCHANT.loginId)?.email).toBe('hanako.other@example.net');
    });

    it('says "expired" 24 hours after the request', async () => {
      // Prepare
      const proof = await requested();
      world.clock.advance({ hours: 24 });

      // Act
      const error = await failureOf(completeEmailChange(proof, world));

      // Assess
      expectLinkProblem(error, 'expired');
      expect(world.accounts.peek(MERCHANT.loginId)?.email).toBe(MERCHANT.email);
    });

    it('does not take a password-reset link ("unknown")', async () => {
      // Prepare
      await requestPasswordReset({ email: MERCHANT.email }, world);
      const reset = lastRegistrationMails(world);

      // Act
      const error = await failureOf(completeEmailChange({ token: reset.token, passcode: reset.passcode }, world));

      // Assess
      expectLinkProblem(error, 'unknown');
    });

    it('says "unknown" once ops disabled the account', async () => {
      // Prepare
      const proof = await requested();
      await world.accounts.setDisabled(MERCHANT.loginId, { at: world.clock.iso(), reason: 'fraud suspected', by: 'ops' });

      // Act
      const error = await failureOf(completeEmailChange(proof, world));

      // Assess
      expectLinkProblem(error, 'unknown');
      expect(world.identity.userOf(MERCHANT.email)).toBeDefined();
    });

    it('leaves the merchant able to log in when a newer request replaces this one at the last moment', async () => {
      // Prepare: while this completion runs, another tab asks for a change to a third address.
      const proof = await requested();
      const identity: Identity = world.identity;
      const changeEmail = identity.changeEmail.bind(identity);
      world.identity.changeEmail = async (email, newEmail) => {
        await requestEmailChange(sessionId, { newEmail: 'hanako.third@example.net' }, world);
        await changeEmail(email, newEmail);
      };

      // Act
      const error = await failureOf(completeEmailChange(proof, world));

      // Assess: the directory and the account still agree on the old address, which logs in.
      expectLinkProblem(error, 'replaced');
      expect(world.accounts.peek(MERCHANT.loginId)?.email).toBe(MERCHANT.email);
      expect(world.identity.userOf(NEW_EMAIL)).toBeUndefined();
      await expect(signedInSession({ loginId: MERCHANT.email, password: PASSWORDS.current }, world)).resolves.toBeDefined();
      expect(world.requests.peek(hashToken(proof.token))?.status).toBe('pending');
    });
  });
});
