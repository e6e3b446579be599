import { browserAndOs } from '../../../lambdas/domain/user-agent';

describe('browserAndOs: the browser and OS a user agent names (bowser)', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      { browser: 'Chrome 126', os: 'Windows 10' },
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87',
      { browser: 'Microsoft Edge 126', os: 'Windows 10' },
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      { browser: 'Safari 17.5', os: 'iOS 17.5' },
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0',
      { browser: 'Firefox 128', os: 'macOS Catalina' },
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
      { browser: 'Chrome 126', os: 'Android 14' },
    ],
  ])('reads %s', (userAgent, expected) => {
    expect(browserAndOs(userAgent)).toEqual(expected);
  });

  it.each([[''], ['   '], [undefined]])('says 不明 for a missing user agent (%p)', (userAgent) => {
    expect(browserAndOs(userAgent)).toEqual({ browser: '不明なブラウザ', os: '不明なOS' });
  });

  it('says 不明 for what names no browser or OS', () => {
    expect(browserAndOs('curl/8.5.0')).toEqual({ browser: '不明なブラウザ', os: '不明なOS' });
  });
});
