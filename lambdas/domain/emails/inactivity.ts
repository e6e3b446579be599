import { japanDate } from '../japan-time';
import type { Email } from '../ports';
import { contactFooter, openingLine, subjectLine, type MailWording } from './common';

/**
 * The warning before the inactivity rule disables an account: since when it is unused, the day
 * it will be stopped, and that one sign-in before then keeps it.
 */
export function inactivityWarningEmail(
  to: string,
  facts: { lastActivityAt: string; disableFrom: string; siteUrl: string },
  w: MailWording,
): Email {
  return {
    to,
    subject: subjectLine(w, 'お客様サポートWEB ご利用停止予定のお知らせ'),
    text: [
      openingLine(w),
      '',
      'お客様サポートWEBを長期間ご利用いただいていないため、',
      'セキュリティ保護の観点から、下記の日以降、アカウントのご利用を停止させていただきます。',
      '',
      `最終ご利用日 : ${japanDate(facts.lastActivityAt)}`,
      `ご利用停止予定日 : ${japanDate(facts.disableFrom)}`,
      '',
      '引き続きご利用いただく場合は、ご利用停止予定日までに一度ログインしてください。',
      'ログインいただくと、ご利用停止は取り消され、これまでどおりご利用いただけます。',
      `ログインページ : ${facts.siteUrl}/`,
      '',
      'ご利用停止後に再開をご希望の場合は、下記お問合せ先までご連絡ください。',
      contactFooter(w),
    ].join('\n'),
  };
}
