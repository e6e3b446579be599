import { fillCopyrightYear } from '../../../static-site/src/js/copyright-year';

describe("the footer's © year", () => {
  const footer = () => {
    const element = { textContent: '2025' };
    return { element, root: { querySelectorAll: () => [element] } as unknown as ParentNode };
  };

  it("is this year in Japan, already the new year there on New Year's Eve in UTC", () => {
    const { element, root } = footer();
    fillCopyrightYear(new Date('2026-12-31T15:00:00Z'), root);
    expect(element.textContent).toBe('2027');
  });

  it('is still the old year just before midnight in Japan', () => {
    const { element, root } = footer();
    fillCopyrightYear(new Date('2026-12-31T14:59:59Z'), root);
    expect(element.textContent).toBe('2026');
  });
});
