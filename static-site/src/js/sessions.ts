/**
 * ログイン中の端末 (sessions.html): every browser signed in to the account, this one marked, and
 * a way to sign out any other one, or all of them. Without a session the merchant goes to login.
 */
import { japanDateTime } from '../../../lambdas/domain/japan-time';
import { getJson, postJson } from './api';
import { startPage } from './boot';
import { byId, element, tell, warn } from './dom';
import { leftForLogin } from './session-exit';
import { startSignedIn } from './signed-in';

interface ListedSession {
  key: string;
  browser: string;
  os: string;
  ip: string;
  signedInAt: string;
  lastSeenAt: string;
  current: boolean;
}

const alertRegion = () => byId('form-alert');

async function load(): Promise<void> {
  const result = await getJson<{ sessions: ListedSession[] }>('sessions');
  byId('sessions-loading').hidden = true;
  if (!result.ok) {
    if (!leftForLogin(result)) warn(result.error.message);
    return;
  }
  const { sessions } = result.data;
  byId('session-list').replaceChildren(...sessions.map(item));
  byId('end-others').hidden = !sessions.some((session) => !session.current);
}

function item(session: ListedSession): HTMLElement {
  const li = element('li', undefined, 'session');
  const name = `${session.browser} / ${session.os}`;
  const heading = element('h2', name, 'session-name');
  if (session.current) heading.append(' ', element('span', 'この端末', 'badge'));
  const details = element('dl', undefined, 'account');
  const row = (term: string, value: string) => {
    const div = element('div');
    div.append(element('dt', term), element('dd', value));
    return div;
  };
  details.append(
    row('ログイン日時', japanDateTime(session.signedInAt)),
    row('最終利用日時', japanDateTime(session.lastSeenAt)),
    row('IPアドレス', session.ip),
  );
  li.append(heading, details);
  if (!session.current) {
    const end = element('button', 'ログアウトさせる', 'button');
    end.type = 'button';
    end.setAttribute('aria-label', `${name} をログアウトさせる`);
    end.addEventListener('click', () => void endOne(session, name, end));
    li.append(end);
  }
  return li;
}

async function endOne(session: ListedSession, name: string, button: HTMLButtonElement): Promise<void> {
  if (!window.confirm(`${name} (最終利用 ${japanDateTime(session.lastSeenAt)}) をログアウトさせます。よろしいですか？`)) return;
  button.disabled = true;
  const result = await postJson('end-session', { key: session.key });
  button.disabled = false;
  if (result.ok) tell(`${name} をログアウトさせました。`);
  else if (leftForLogin(result)) return;
  else warn(result.error.message);
  await load();
}

async function endOthers(button: HTMLButtonElement): Promise<void> {
  if (!window.confirm('この端末以外のすべての端末をログアウトさせます。よろしいですか？')) return;
  button.disabled = true;
  const result = await postJson<{ sessionsEnded: number }>('end-other-sessions', {});
  button.disabled = false;
  if (result.ok) tell(`他の端末 ${result.data.sessionsEnded}台をログアウトさせました。`);
  else if (leftForLogin(result)) return;
  else warn(result.error.message);
  await load();
}

startPage(() => {
  startSignedIn(alertRegion());
  const button = byId<HTMLButtonElement>('end-others');
  button.addEventListener('click', () => void endOthers(button));
  void load();
});
