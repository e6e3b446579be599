/**
 * The warning before the idle end, on every signed-in page: a merchant reading a long page must
 * not lose their work silently. Shortly before the server would end the session a dialog offers
 * 「ログインを続ける」 (POST /api/session/extend) or 「ログアウト」; left alone, the page goes to the
 * login page with its notice once the server has ended the session.
 *
 * The server is asked how long is left (GET /api/session, which does not count as a use, and
 * answers `signedIn: false` once the session is gone), never
 * told: it is asked again before warning (another call or tab may have moved the end) and at the
 * end. Times are kept as a deadline on this page's clock and every timer is set from it, so a
 * background tab whose timers ran late catches up when it is shown again.
 */
import type { SessionState, SessionTime } from '../../../lambdas/domain/use-cases/merchant/session-time';
import { getJson, postJson, type ApiResult } from './api';
import { elementWith } from './dom';
import { leftForLogin, logOut, SIGN_IN_AGAIN } from './session-exit';

const WARN_BEFORE_MS = 2 * 60_000;
/** The end is asked about a moment after it, when the server has surely ended the session. */
const AFTER_END_MS = 2_000;
/** A failed question is asked again after this long. */
const RETRY_MS = 30_000;

/** Two minutes before the end; half the limit when the limit is shorter than four minutes. */
export function warningLeadMs(idleMinutes: number): number {
  const limitMs = idleMinutes * 60_000;
  return limitMs < 2 * WARN_BEFORE_MS ? limitMs / 2 : WARN_BEFORE_MS;
}

/** 「1分30秒」, 「45秒」: the time left as the dialog says it. */
export function timeLeftWording(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest}秒`;
  return rest === 0 ? `${minutes}分` : `${minutes}分${rest}秒`;
}

interface IdleDialog {
  update(msLeft: number): void;
  close(): void;
}

/** The dialog, focus moved into it (and back when it closes); Esc is 「ログインを続ける」. */
function openDialog(endsBy: SessionTime['endsBy'], onContinue: (dialog: IdleDialog, alert: HTMLElement) => void): IdleDialog {
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  const dialog = elementWith('dialog', { id: 'idle-dialog', className: 'idle-dialog' });
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-labelledby', 'idle-title');
  dialog.setAttribute('aria-describedby', 'idle-text');
  const countdown = elementWith('span', { id: 'idle-countdown' });
  const text = elementWith('p', { id: 'idle-text' });
  const alert = elementWith('div', { className: 'alert', id: 'idle-alert' });
  alert.setAttribute('role', 'alert');
  const keepOn = elementWith('button', { type: 'button', className: 'button button-primary', textContent: 'ログインを続ける' });
  const leave = elementWith('button', { type: 'button', className: 'button button-secondary', textContent: 'ログアウト' });
  const actions = elementWith('div', { className: 'actions' });
  if (endsBy === 'idle') {
    text.append(
      'しばらく操作がなかったため、あと',
      countdown,
      'で自動的にログアウトされます。続けてご利用になる場合は「ログインを続ける」を押してください。',
    );
    actions.append(keepOn, leave);
  } else {
    text.append('ログインの有効期限のため、あと', countdown, 'で自動的にログアウトされます。お手数ですが、再度ログインしてください。');
    actions.append(leave);
  }
  dialog.append(elementWith('h2', { id: 'idle-title', textContent: 'まもなく自動的にログアウトされます' }), text, alert, actions);
  document.body.append(dialog);

  const idle: IdleDialog = {
    update: (msLeft) => {
      countdown.textContent = timeLeftWording(msLeft);
    },
    close: () => {
      dialog.close();
      dialog.remove();
      if (returnFocus?.isConnected) returnFocus.focus();
    },
  };
  keepOn.addEventListener('click', () => onContinue(idle, alert));
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    if (endsBy === 'idle') onContinue(idle, alert);
  });
  leave.addEventListener('click', async () => {
    leave.disabled = true;
    const problem = await logOut();
    leave.disabled = false;
    if (problem !== undefined) alert.textContent = problem;
  });
  dialog.showModal();
  (endsBy === 'idle' ? keepOn : leave).focus();
  return idle;
}

/** Starts watching the session's idle time on this page. */
export function watchIdleTime(): void {
  let deadline = Number.POSITIVE_INFINITY;
  let leadMs = WARN_BEFORE_MS;
  let endsBy: SessionTime['endsBy'] = 'idle';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dialog: IdleDialog | undefined;
  let countdown: ReturnType<typeof setInterval> | undefined;

  const wake = (at: number, then: () => void) => {
    clearTimeout(timer);
    timer = setTimeout(then, Math.max(0, at - Date.now()));
  };

  const closeDialog = () => {
    clearInterval(countdown);
    dialog?.close();
    dialog = undefined;
  };

  /** What the page does now, judged from the deadline alone. */
  const plan = () => {
    const now = Date.now();
    if (now >= deadline) return void ask();
    if (now < deadline - leadMs) {
      closeDialog();
      return wake(deadline - leadMs, () => void ask());
    }
    if (!dialog) {
      dialog = openDialog(endsBy, (shown, alert) => void keepOn(shown, alert));
      countdown = setInterval(() => dialog?.update(deadline - Date.now()), 1000);
    }
    dialog.update(deadline - now);
    wake(deadline + AFTER_END_MS, () => void ask());
  };

  /** Takes the server's answer; false when the page is leaving or must ask again later. */
  const learn = (result: ApiResult<SessionTime>, askedAt: number): boolean => {
    if (leftForLogin(result)) return false;
    if (!result.ok) {
      wake(Date.now() + RETRY_MS, () => void ask());
      return false;
    }
    // Counted from before the question: the page's deadline is never later than the server's.
    deadline = askedAt + result.data.secondsLeft * 1000;
    leadMs = warningLeadMs(result.data.idleMinutes);
    endsBy = result.data.endsBy;
    return true;
  };

  const ask = async () => {
    const askedAt = Date.now();
    const state = await getJson<SessionState>('session-time');
    if (state.ok && !state.data.signedIn) return void location.replace(SIGN_IN_AGAIN);
    // Still alive just at the end (the clocks differ by a second): ask again a moment later.
    if (learn(state as ApiResult<SessionTime>, askedAt)) {
      if (Date.now() >= deadline) wake(Date.now() + AFTER_END_MS, () => void ask());
      else plan();
    }
  };

  const keepOn = async (shown: IdleDialog, alert: HTMLElement) => {
    const askedAt = Date.now();
    const result = await postJson<SessionTime>('extend-session', {});
    if (!result.ok && result.status !== 401) {
      alert.textContent = result.error.message;
      return;
    }
    if (!learn(result, askedAt)) return;
    if (shown === dialog) closeDialog();
    // Only a session whose absolute end is near stays within the warning: it is shown again.
    plan();
  };

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && Number.isFinite(deadline)) plan();
  });
  void ask();
}
