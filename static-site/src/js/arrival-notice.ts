/**
 * Why the merchant landed on this page, told by the page that sent them (`?registered=1`
 * etc.), in the page's status region.
 */
import { byId } from './dom';

/** True when there was a notice to show. */
export function showArrivalNotice(notices: Record<string, string>, regionId = 'page-status'): boolean {
  const params = new URLSearchParams(location.search);
  const reason = Object.keys(notices).find((key) => params.get(key) === '1');
  if (reason) byId(regionId).textContent = notices[reason];
  return reason !== undefined;
}
