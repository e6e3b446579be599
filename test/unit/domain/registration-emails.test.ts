import {
  describeValidity,
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
});
