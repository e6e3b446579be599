import { newDeviceSignInEmail } from '../../../../lambdas/domain/emails/new-device';
import { WORDING } from '../../fakes/world';

describe('newDeviceSignInEmail', () => {
  const mail = newDeviceSignInEmail(
    'hanako@example.com',
    { at: '2025-04-01T15:30:00.000Z', browser: 'Chrome 126', os: 'Windows 10', ip: '203.0.113.*' },
    WORDING,
  );

  it('tells of the sign-in: when (Japan time), browser and OS, the approximate IP', () => {
    expect(mail.to).toBe('hanako@example.com');
    expect(mail.subject).toBe('【GMOフィナンシャルゲート】お客様サポートWEB 新しい端末からのログインのお知らせ');
    const lines = mail.text.split('\n');
    expect(lines).toContain('ログイン日時 : 2025年4月2日 00:30');
    expect(lines).toContain('ブラウザ / OS : Chrome 126 / Windows 10');
    expect(lines).toContain('IPアドレス : 203.0.113.*');
  });

  it('says what to do if it was not the merchant: change the password, sign the browser out, call support', () => {
    expect(mail.text).toContain('「パスワード変更」から、パスワードを変更してください。');
    expect(mail.text).toContain('「ログイン中の端末」から、お心当たりのない端末をログアウトさせてください。');
    expect(mail.text).toContain('お心当たりのない場合は、至急下記お問合せ先までご連絡ください。');
    expect(mail.text).toContain(WORDING.supportContactName);
    expect(mail.text).toContain('お客様ご自身によるログインの場合は、本メールへの対応は不要です。');
    expect(mail.text).not.toMatch(/https?:\/\//);
  });
});
