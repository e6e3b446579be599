import { describeValidity } from '../../../../lambdas/domain/emails/common';

describe('what every email shares', () => {
  describe('describeValidity', () => {
    it.each([
      [1440, '24時間'],
      [60, '1時間'],
      [30, '30分'],
      [90, '90分'],
    ])('describes %i minutes as %s', (minutes, words) => {
      expect(describeValidity(minutes)).toBe(words);
    });
  });
});
