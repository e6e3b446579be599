/** Signed-in home: who is signed in, and ログアウト. Without a session the merchant goes to login. */
import { getJson, postJson } from './api';
import { byId } from './dom';

interface Me {
  email: string;
  loginId: string;
  lastLoginAt: string | null;
}

const SIGN_IN_AGAIN = 'index.html?sessionExpired=1';

const dateTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

function formatLastLogin(iso: string | null): string {
  const date = iso ? new Date(iso) : undefined;
  return date && !Number.isNaN(date.getTime()) ? dateTime.format(date) : '記録はありません';
}

async function showAccount(): Promise<void> {
  const result = await getJson<Me>('/api/me');
  byId('account-loading').hidden = true;
  if (!result.ok) {
    if (result.status === 401) location.replace(SIGN_IN_AGAIN);
    else byId('form-alert').textContent = result.error.message;
    return;
  }
  byId('account-email').textContent = result.data.email;
  byId('account-login-id').textContent = result.data.loginId;
  byId('account-last-login').textContent = formatLastLogin(result.data.lastLoginAt);
  byId('account').hidden = false;
}

function listenForLogout(): void {
  const button = byId<HTMLButtonElement>('logout');
  button.addEventListener('click', async () => {
    button.disabled = true;
    const result = await postJson('/api/logout', {});
    // Already signed out is still signed out.
    if (result.ok || result.status === 401) {
      location.href = './?loggedOut=1';
      return;
    }
    button.disabled = false;
    byId('form-alert').textContent = result.error.message;
  });
}

listenForLogout();
void showAccount();
