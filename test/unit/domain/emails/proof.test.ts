import { COMPLETION_PAGE, completionUrlEmail, passcodeEmail } from '../../../../lambdas/domain/emails/proof';
import type { MailWording } from '../../../../lambdas/domain/emails/common';

const WORDING: MailWording = {
  brandName: 'GMOフィナンシャルゲート',
  supportContactName: 'GMOフィナンシャルゲート株式会社 管理本部 業務課 お客様サポートWEB担当',
  supportContactEmail: 'support@example.jp',
  validityMinutes: 1440,
};
const URL = 'https://support.example.jp/passcode.html#abcDEF123_-';
/** The request's own end: 15:30 UTC is the next day, 00:30, in Japan. */
const EXPIRES = '2026-12-01T15:30:00.000Z';

describe('the proof emails', () => {
  describe('registration', () => {
    describe('the URL mail (1通目)', () => {
      it('has the subject of the guide', () => {
        // Act
        const mail = completionUrlEmail('registration', 'taro@example.com', URL, EXPIRES, WORDING);

        // Assess
        expect(mail.subject).toBe('【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス登録申請受付のお知らせ');
        expect(mail.to).toBe('taro@example.com');
      });

      it('carries the completion URL on a line of its own and no passcode', () => {
        // Act
        const mail = completionUrlEmail('registration', 'taro@example.com', URL, EXPIRES, WORDING);

        // Assess
        expect(mail.text.split('\n')).toContain(URL);
        expect(mail.text).not.toContain('パスコード :');
      });

      it('says the link is valid 24 hours for 1440 minutes', () => {
        expect(completionUrlEmail('registration', 'taro@example.com', URL, EXPIRES, WORDING).text).toContain('24時間以内');
      });

      it('names the support contact', () => {
        // Act
        const text = completionUrlEmail('registration', 'taro@example.com', URL, EXPIRES, WORDING).text;

        // Assess
        expect(text).toContain(WORDING.supportContactName);
        expect(text).toContain('メールアドレス : support@example.jp');
      });
    });

    describe('the passcode mail (2通目)', () => {
      it('has the subject of the guide', () => {
        expect(passcodeEmail('registration', 'taro@example.com', '012345', EXPIRES, WORDING).subject).toBe(
          '【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス登録申請受付のお知らせ(パスコード)',
        );
      });

      it('carries "パスコード : NNNNNN" with leading zeros and not the URL', () => {
        // Act
        const mail = passcodeEmail('registration', 'taro@example.com', '012345', EXPIRES, WORDING);

        // Assess
        expect(mail.text.split('\n')).toContain('パスコード : 012345');
        expect(mail.text).not.toContain('https://');
      });

      it('says the passcode is valid 30 minutes when so configured', () => {
        expect(passcodeEmail('registration', 'taro@example.com', '012345', EXPIRES, { ...WORDING, validityMinutes: 30 }).text).toContain(
          '30分以内',
        );
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
      const urlMail = completionUrlEmail(
        kind,
        'taro@example.com',
        `https://support.example.jp/${COMPLETION_PAGE[kind]}#tok`,
        EXPIRES,
        WORDING,
      );
      const codeMail = passcodeEmail(kind, 'taro@example.com', '000123', EXPIRES, WORDING);

      // Assess
      expect(COMPLETION_PAGE[kind]).toBe(page);
      expect(urlMail.subject).toBe(`【GMOフィナンシャルゲート】${subject}`);
      expect(codeMail.subject).toBe(`【GMOフィナンシャルゲート】${subject}(パスコード)`);
      expect(urlMail.text.split('\n')).toContain(`https://support.example.jp/${page}#tok`);
      expect(codeMail.text.split('\n')).toContain('パスコード : 000123');
      expect([urlMail.to, codeMail.to]).toEqual(['taro@example.com', 'taro@example.com']);
    });

    it.each(['registration', 'passwordReset', 'emailChange'] as const)(
      "%s: both mails state the request's own end in Japan time beside 24時間以内",
      (kind) => {
        // Act
        const urlMail = completionUrlEmail(kind, 'taro@example.com', URL, EXPIRES, WORDING);
        const codeMail = passcodeEmail(kind, 'taro@example.com', '000123', EXPIRES, WORDING);

        // Assess
        expect(urlMail.text).toContain('なお、このアドレスの有効期限はお送りしてから 24時間以内（2026年12月2日 00:30まで）です。');
        expect(codeMail.text).toContain('なお、このパスコードの有効期限はお送りしてから24時間以内（2026年12月2日 00:30まで）です。');
      },
    );

    it('states the end it is given, not one counted from now', () => {
      // Act
      const text = passcodeEmail('emailChange', 'taro@example.com', '000123', '2027-01-31T23:05:00.000Z', WORDING).text;

      // Assess
      expect(text).toContain('（2027年2月1日 08:05まで）');
    });

    it('says what was received for a password reset, not a registration', () => {
      // Act
      const text = completionUrlEmail(
        'passwordReset',
        'taro@example.com',
        'https://support.example.jp/reset-password.html#t',
        EXPIRES,
        WORDING,
      ).text;

      // Assess
      expect(text).toContain('パスワード再設定の申請を受け付けいたしました。');
      expect(text).not.toContain('メールアドレス申請');
    });
  });
});
