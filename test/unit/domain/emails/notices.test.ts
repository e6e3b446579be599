import { emailChangedEmail, passwordChangedEmail } from '../../../../lambdas/domain/emails/notices';
import type { MailWording } from '../../../../lambdas/domain/emails/common';

const WORDING: MailWording = {
  brandName: 'GMOフィナンシャルゲート',
  supportContactName: 'GMOフィナンシャルゲート株式会社 管理本部 業務課 お客様サポートWEB担当',
  supportContactEmail: 'support@example.jp',
  validityMinutes: 1440,
};
describe('notice emails', () => {
  describe('notices', () => {
    const AT = '2025-04-01T15:30:00.000Z';

    it('tells of a password change, when (Japan time), and whom to call if it was not the merchant', () => {
      // Act
      const mail = passwordChangedEmail('hanako@example.com', AT, WORDING);

      // Assess
      expect(mail.to).toBe('hanako@example.com');
      expect(mail.subject).toBe('【GMOフィナンシャルゲート】お客様サポートWEBパスワード変更完了のお知らせ');
      expect(mail.text.split('\n')).toContain('変更日時 : 2025年4月2日 00:30');
      expect(mail.text).toContain('お心当たりのない場合は、至急下記お問合せ先までご連絡ください。');
      expect(mail.text).toContain(WORDING.supportContactName);
    });

    it('tells the old address of an email change with the new address as given (masked by the caller)', () => {
      // Act
      const mail = emailChangedEmail('hanako@example.com', 'h***@example.net', AT, WORDING);

      // Assess
      expect(mail.to).toBe('hanako@example.com');
      expect(mail.subject).toBe('【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス変更完了のお知らせ');
      const lines = mail.text.split('\n');
      expect(lines).toContain('変更日時 : 2025年4月2日 00:30');
      expect(lines).toContain('新しいメールアドレス : h***@example.net');
      expect(lines).toContain('今後、このメールアドレスではログインできません。');
    });

    it('carries no link in a notice: there is nothing to act on but the contact', () => {
      // Act
      const texts = [
        passwordChangedEmail('a@example.com', AT, WORDING).text,
        emailChangedEmail('a@example.com', 'b***@example.net', AT, WORDING).text,
      ];

      // Assess
      for (const text of texts) expect(text).not.toMatch(/https?:\/\//);
    });
  });
});
