/**
 * The 受付 view after a request that mails (初回登録, パスワード再設定, メールアドレス変更): the
 * address typed, masked by the one masking rule, so the merchant can see a typo without the
 * page showing an address in full (partials/receipt.html holds the wording).
 */
import { maskEmail } from '../../../lambdas/domain/mask-email';

export function showReceiptAddress(view: HTMLElement, email: string): void {
  for (const slot of view.querySelectorAll<HTMLElement>('[data-receipt-address]')) slot.textContent = maskEmail(email);
}
