/**
 * Signed-in home: who is signed in, this login's time and the one before, the ways to change the
 * password and the email, and ログアウト. Without a session the merchant goes to login.
 */
import { japanDateTime } from '../../../lambdas/domain/japan-time';
import { type ArrivalNotice, showArrivalNotice } from './arrival-notice';
import { startPage } from './boot';
import { byId, showNotice } from './dom';
import { EMAIL_CHANGED_SIGNED_IN } from './email-changed';
import { startSignedIn, loadMe } from './signed-in';

const ARRIVAL_NOTICES: Record<string, ArrivalNotice> = {
  passwordChanged: { kind: 'success', text: 'パスワードを変更しました。' },
  // The email change was completed in this browser while signed in: the session goes on (confirm-email.ts).
  emailChanged: { kind: 'success', text: EMAIL_CHANGED_SIGNED_IN },
};

/** After a sign-in with a recovery code (`?recoveryCodesLeft=9`): how many are left. */
function showRecoveryCodesLeft(): void {
  const left = new URLSearchParams(location.search).get('recoveryCodesLeft');
  if (left === null || !/^\d+$/.test(left)) return;
  showNotice(
    byId('page-status'),
    `リカバリーコードでログインしました。残りのリカバリーコードは${left}個です。少なくなった場合は「2段階認証の設定」から再発行してください。`,
    'info',
  );
}

const NO_DATE = '—';
/** No login before this one: said in words, a dash alone reads as missing data. */
const NO_PREVIOUS_LOGIN = 'なし（初めてのログイン）';

/** Japan time whatever the computer's zone, e.g. 2026年11月27日 19:30. */
export function formatJapanTime(iso: string | null): string | undefined {
  const date = iso ? new Date(iso) : undefined;
  if (!date || Number.isNaN(date.getTime())) return undefined;
  return japanDateTime(date);
}

async function showAccount(alertRegion: HTMLElement): Promise<void> {
  const me = await loadMe(alertRegion);
  byId('account-loading').hidden = true;
  if (!me) return;
  if (me.setupRequired) {
    location.replace('two-step.html');
    return;
  }
  byId('account-email').textContent = me.email;
  byId('account-login-id').textContent = me.loginId;
  byId('account-last-login').textContent = formatJapanTime(me.lastLoginAt) ?? NO_DATE;
  byId('account-previous-login').textContent = formatJapanTime(me.previousLoginAt) ?? NO_PREVIOUS_LOGIN;
  byId('account').hidden = false;
}

startPage(() => {
  const alertRegion = byId('form-alert');
  showArrivalNotice(ARRIVAL_NOTICES);
  showRecoveryCodesLeft();
  startSignedIn(alertRegion);
  void showAccount(alertRegion);
});
