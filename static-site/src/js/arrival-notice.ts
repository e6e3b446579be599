/**
 * Why the merchant landed on this page, told by the page that sent them (`?registered=1`
 * etc.), in the page's status region. The region is in the page from the start and the text
 * comes a moment after load: a live region announces what changes in it, not what it held when
 * the page appeared.
 */
import { byId, type NoticeKind, showNotice } from './dom';

export interface ArrivalNotice {
  text: string;
  kind: NoticeKind;
}

/** Long enough for the browser to have exposed the empty region to screen readers first. */
const ANNOUNCE_AFTER_MS = 300;

/** True when there was a notice to show. */
export function showArrivalNotice(notices: Record<string, ArrivalNotice>, regionId = 'page-status'): boolean {
  const params = new URLSearchParams(location.search);
  const reason = Object.keys(notices).find((key) => params.get(key) === '1');
  if (!reason) return false;
  const region = byId(regionId);
  const { text, kind } = notices[reason]!;
  setTimeout(() => showNotice(region, text, kind), ANNOUNCE_AFTER_MS);
  return true;
}
