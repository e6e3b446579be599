/**
 * 2段階認証の設定 (two-step.html): which factors the merchant has (GET /api/factors), setting up
 * and removing the authenticator app, and new recovery codes, shown once. Sensitive calls ask
 * for the password again when the last proof is old (withProof).
 */
import { japanDateTime } from '../../../lambdas/domain/japan-time';
import { canonicalAuthenticatorCode } from '../../../lambdas/domain/typed-codes';
import type { FactorOverview } from '../../../lambdas/domain/use-cases/merchant/list-factors';
import { getJson, postJson, type ApiResult } from './api';
import { startPage } from './boot';
import { byId, field, showNotice } from './dom';
import { FormFeedback } from './form-feedback';
import { submitForm } from './form-submit';
import { withProof } from './proof-prompt';
import { takeHandedOverRecoveryCodes } from './recovery-codes-handover';
import { leftForLogin } from './session-exit';
import { loadMe, startSignedIn } from './signed-in';
import { requiredMessage } from './validation';

const alertRegion = () => byId('form-alert');
const formatJapanTime = (iso: string | null) => (iso ? japanDateTime(new Date(iso)) : undefined);

/** The answer, or undefined after showing why not (or leaving for the login page). */
function accepted<T>(result: ApiResult<T>): T | undefined {
  if (result.ok) return result.data;
  if (!leftForLogin(result)) alertRegion().textContent = result.error.message;
  return undefined;
}

async function showFactors(): Promise<void> {
  const factors = accepted(await getJson<FactorOverview>('factors'));
  if (!factors) return;
  const { authenticator, recoveryCodes } = factors;
  byId('authenticator-status').textContent = authenticator
    ? `設定済み(設定日時 : ${formatJapanTime(authenticator.addedAt)}、最終使用日時 : ${formatJapanTime(authenticator.lastUsedAt) ?? '—'})`
    : '設定されていません。';
  byId('setup-authenticator').hidden = authenticator !== null;
  byId('remove-authenticator').hidden = authenticator === null;
  byId('recovery-status').textContent = recoveryCodes
    ? `残り${recoveryCodes.remaining}個(発行日時 : ${formatJapanTime(recoveryCodes.generatedAt)})`
    : '2段階認証を設定すると発行されます。';
  byId('regenerate-codes').hidden = recoveryCodes === null;
}

/** The codes, once: listed, and offered to copy, download as text and print. */
function showCodes(codes: string[]): void {
  byId('recovery-codes').replaceChildren(...codes.map((code) => Object.assign(document.createElement('li'), { textContent: code })));
  const text = `お客様サポートWEB リカバリーコード\n${codes.join('\n')}\n`;
  const link = byId<HTMLAnchorElement>('download-codes');
  URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  byId('copy-codes').onclick = () => {
    void navigator.clipboard.writeText(text).then(() => {
      showNotice(byId('page-status'), 'リカバリーコードをコピーしました。', 'success');
    });
  };
  byId('print-codes').onclick = () => window.print();
  byId('new-codes').hidden = false;
}

async function startSetup(): Promise<void> {
  const data = accepted(
    await withProof(() => postJson<{ qrCodeSvg: string; key: string; accountName: string }>('authenticator-setup', {})),
  );
  if (!data) return;
  // The server's SVG becomes an element: parsed as an image, never run as HTML.
  const svg = new DOMParser().parseFromString(data.qrCodeSvg, 'image/svg+xml').documentElement;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', '認証アプリ設定用のQRコード');
  byId('qr-code').replaceChildren(svg);
  byId('authenticator-key').textContent = data.key;
  byId('authenticator-account').textContent = data.accountName;
  byId('enrolment').hidden = false;
  byId<HTMLInputElement>('confirm-code').focus();
}

function confirmForm(): void {
  const form = byId<HTMLFormElement>('confirm-form');
  const code = field(form, 'code');
  const feedback = new FormFeedback(form, alertRegion());
  submitForm<{ ok: true; recoveryCodes?: string[] }>({
    form,
    feedback,
    route: 'authenticator-confirm',
    signedIn: true,
    check: () => {
      if (canonicalAuthenticatorCode(code.value)) return true;
      feedback.showFieldError('code', requiredMessage('確認コード'));
      feedback.focusFirstInvalid();
      return false;
    },
    body: () => ({ code: canonicalAuthenticatorCode(code.value) }),
    success: (data) => {
      byId('enrolment').hidden = true;
      byId('setup-required').hidden = true;
      showNotice(byId('page-status'), '認証アプリを設定しました。次回のログインから、確認コードの入力が必要になります。', 'success');
      if (data.recoveryCodes) showCodes(data.recoveryCodes);
      void showFactors();
    },
  });
}

startPage(() => {
  startSignedIn(alertRegion());
  void loadMe(alertRegion()).then((me) => {
    if (me?.setupRequired) byId('setup-required').hidden = false;
  });
  void showFactors();
  const handedOver = takeHandedOverRecoveryCodes();
  if (handedOver) showCodes(handedOver);
  confirmForm();
  byId('setup-authenticator').addEventListener('click', () => void startSetup());
  byId('remove-authenticator').addEventListener('click', async () => {
    if (!accepted(await withProof(() => postJson('authenticator-remove', {})))) return;
    showNotice(byId('page-status'), '認証アプリを削除しました。', 'success');
    await showFactors();
  });
  byId('regenerate-codes').addEventListener('click', async () => {
    const data = accepted(await withProof(() => postJson<{ recoveryCodes: string[] }>('recovery-codes', {})));
    if (!data) return;
    showCodes(data.recoveryCodes);
    showNotice(byId('page-status'), 'リカバリーコードを再発行しました。以前のリカバリーコードは使用できません。', 'success');
    await showFactors();
  });
});
