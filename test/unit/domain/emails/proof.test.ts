import { COMPLETION_PAGE, completionUrlEmail, passcodeEmail } from '../../../../lambdas/domain/emails/proof';
import type { MailWording } from '../../../../lambdas/domain/emails/common';

const WORDING: MailWording = {
  brandName: 'GMOフィナンシャルゲート',
  supportContactName: 'GMOフィナンシャルゲート株式会社 管理本部 業務課 お客様サポートWEB担当',
  supportContactEmail: 'support@example.jp',
  validityMinutes: 1440,
};
const URL = 'https://support.example.jp/passcode.html#abcDEF123_-';

describe('the proof emails', () => {
  describe('registration', () => {
    describe('the URL mail (1通目)', () => {
      it('has the subject of the guide', () => {
        // Act
        const mail = completionUrlEmail('registration', 'taro@example.com', URL, WORDING);

        // Assess
        expect(mail.subject).toBe('【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス登録申請受付のお知らせ');
        expect(mail.to).toBe('taro@example.com');
      });

      it('carries the completion URL on a line of its own and no passcode', () => {
        // Act
        const mail = completionUrlEmail('registration', 'taro@example.com', URL, WORDING);

        // Assess
        expect(mail.text.split('\n')).toContain(URL);
        expect(mail.text).not.toContain('パスコード :');
      });

      it('says the link is valid 24 hours for 1440 minutes', () => {
        expect(completionUrlEmail('registration', 'taro@example.com', URL, WORDING).text).toContain('24時間以内');
      });

      it('names the support contact', () => {
        // Act
        const text = completionUrlEmail('registration', 'taro@example.com', URL, WORDING).text;

        // Assess
        expect(text).toContain(WORDING.supportContactName);
        expect(text).toContain('メールアドレス : support@example.jp');
      });
    });

    describe('the passcode mail (2通目)', () => {
      it('has the subject of the guide', () => {
        expect(passcodeEmail('registration', 'taro@example.com', '012345', WORDING).subject).toBe(
          '【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス登録申請受付のお知らせ(パスコード)',
        );
      });

      it('carries "パスコード : NNNNNN" with leading zeros and not the URL', () => {
        // Act
        const mail = passcodeEmail('registration', 'taro@example.com', '012345', WORDING);

        // Assess
        expect(mail.text.split('\n')).toContain('パスコード : 012345');
        expect(mail.text).not.toContain('https://');
      });

      it('says the passcode is valid 30 minutes when so configured', () => {
        expect(passcodeEmail('registration', 'taro@example.com', '012345', { ...WORDING, validityMinutes: 30 }).text).toContain('30分以内');
      });
    });
  });

  describe('the proof emails of each kind', () => {
    it.each([
      ['registration', 'お客様サポートWEB用メールアドレス登録申請受付のお知らせ', 'passcode.html'],
      ['passwordReset', 'お客様サポートWEBパスワード再設定申請受付のお知らせ', 'reset-password.html'],
      ['emailChange', 'お客様サポートWEB用メールアドレス変更申請受付のお知らせ', 'confirm-email.html'],
    ] as const)('%s: subjects 【…】%s and …(パスコード), completed on %s', (kind, subject, page) => {
      // Act
      const urlMail = completionUrlEmail(kind, 'taro@example.com', `https://support.example.jp/${COMPLETION_PAGE[kind]}#tok`, WORDING);
      const codeMail = passcodeEmail(kind, 'taro@example.com', '000123', WORDING);

      // Assess
      expect(COMPLETION_PAGE[kind]).toBe(page);
      expect(urlMail.subject).toBe(`【GMOフィナンシャルゲート】${subject}`);
      expect(codeMail.subject).toBe(`【GMOフィナンシャルゲート】${subject}(パスコード)`);
      expect(urlMail.text.split('\n')).toContain(`https://support.example.jp/${page}#tok`);
      expect(codeMail.text.split('\n')).toContain('パスコード : 000123');
      expect([urlMail.to, codeMail.to]).toEqual(['taro@example.com', 'taro@example.com']);
    });

    it('says what was received for a password reset, not a registration', () => {
      // Act
      const text = completionUrlEmail(
        'passwordReset',
        'taro@example.com',
        'https://support.example.jp/reset-password.html#t',
        WORDING,
      ).text;

      // Assess
      expect(text).toContain('パスワード再設定の申請を受け付けいたしました。');
      expect(text).not.toContain('メールアドレス申請');
    });
  });
});
