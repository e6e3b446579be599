/**
 * The footer's © year: the build writes its own year, the page puts this year (in Japan) over
 * it, so a site built in December does not show last year all January.
 */
import { japanDay } from '../../../lambdas/domain/japan-time';

export function fillCopyrightYear(now: Date = new Date(), root: ParentNode = document): void {
  const year = japanDay(now).slice(0, 4);
  for (const element of root.querySelectorAll<HTMLElement>('[data-copyright-year]')) element.textContent = year;
}
