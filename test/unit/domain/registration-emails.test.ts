import {
  COMPLETION_PAGE,
  completionUrlEmail,
  describeValidity,
  emailChangedEmail,
  passcodeEmail,
  passwordChangedEmail,
  registrationPasscodeEmail,
  registrationUrlEmail,
  type MailWording,
} from '../../../lambdas/domain/registration-emails';

const WORDING: MailWording = {
  brandName: 'GMOフィナンシャルゲート',
  supportContactName: 'GMOフィナンシャルゲート株式会社 管理本部 業務課 お客様サポートWEB担当',
  supportContactEmail: 'support@example.jp',
  validityMinutes: 1440,
};
const URL = 'https://support.example.jp/passcode.html#abcDEF123_-';

describe('registration emails', () => {
  describe('the URL mail (1通目)', () => {
    it('has the subject of the guide', () => {
      // Act
      const mail = registrationUrlEmail('taro@example.com', URL, WORDING);

      // Assess
      expect(mail.subject).toBe('【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス登録申請受付のお知らせ');
      expect(mail.to).toBe('taro@example.com');
    });

    it('carries the completion URL on a line of its own and no passcode', () => {
      // Act
      const mail = registrationUrlEmail('taro@example.com', URL, WORDING);

      // Assess
      expect(mail.text.split('\n')).toContain(URL);
      expect(mail.text).not.toContain('パスコード :');
    });

    it('says the link is valid 24 hours for 1440 minutes', () => {
      expect(registrationUrlEmail('taro@example.com', URL, WORDING).text).toContain('24時間以内');
    });

    it('names the support contact', () => {
      // Act
      const text = registrationUrlEmail('taro@example.com', URL, WORDING).text;

      // Assess
      expect(text).toContain(WORDING.supportContactName);
      expect(text).toContain('メールアドレス : support@example.jp');
    });
  });

  describe('the passcode mail (2通目)', () => {
    it('has the subject of the guide', () => {
      expect(registrationPasscodeEmail('taro@example.com', '012345', WORDING).subject).toBe(
        '【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス登録申請受付のお知らせ(パスコード)',
      );
    });

    it('carries "パスコード : NNNNNN" with leading zeros and not the URL', () => {
      // Act
      const mail = registrationPasscodeEmail('taro@example.com', '012345', WORDING);

      // Assess
      expect(mail.text.split('\n')).toContain('パスコード : 012345');
      expect(mail.text).not.toContain('https://');
    });

    it('says the passcode is valid 30 minutes when so configured', () => {
      expect(registrationPasscodeEmail('taro@example.com', '012345', { ...WORDING, validityMinutes: 30 }).text).toContain('30分以内');
    });
  });

  describe('describeValidity', () => {
    it.each([
      [1440, '24時間'],
      [60, '1時間'],
      [30, '30分'],
      [90, '90分'],
    ])('describes %i minutes as %s', (minutes, words) => {
      expect(describeValidity(minutes)).toBe(words);
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
      const text = completionUrlEmail('passwordReset', 'taro@example.com', 'https://support.example.jp/reset-password.html#t', WORDING).text;

      // Assess
      expect(text).toContain('パスワード再設定の申請を受け付けいたしました。');
      expect(text).not.toContain('メールアドレス申請');
    });
  });

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
      const texts = [passwordChangedEmail('a@example.com', AT, WORDING).text, emailChangedEmail('a@example.com', 'b***@example.net', AT, WORDING).text];

      // Assess
      for (const text of texts) expect(text).not.toMatch(/https?:\/\//);
    });
  });
});
