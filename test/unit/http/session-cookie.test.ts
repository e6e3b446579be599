import {
  CLEARED_SESSION_COOKIE,
  CLEARED_STEP_COOKIE,
  cookieValue,
  SESSION_COOKIE,
  STEP_COOKIE,
  sessionCookie,
  sessionIdFrom,
  stepCookie,
} from '../../../lambdas/http/session-cookie';

function attributes(cookie: string): { name: string; value: string; attributes: string[] } {
  const [pair, ...rest] = cookie.split(';').map((part) => part.trim());
  const at = pair.indexOf('=');
  return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes: rest };
}

describe('session cookie', () => {
  it('is a __Host- cookie: HttpOnly, Secure, SameSite=Strict, Path=/, no Domain', () => {
    // Act
    const cookie = attributes(sessionCookie('abc_DEF-123', 43_200));

    // Assess
    expect(cookie.name).toBe(SESSION_COOKIE);
    expect(cookie.name.startsWith('__Host-')).toBe(true);
    expect(cookie.value).toBe('abc_DEF-123');
    expect(cookie.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/', 'Max-Age=43200']));
    expect(cookie.attributes.some((a) => /^domain=/i.test(a))).toBe(false);
  });

  it('has a sibling for a step in progress, with the same attributes', () => {
    // Act
    const cookie = attributes(stepCookie('step_ID-9', 300));
    const cleared = attributes(CLEARED_STEP_COOKIE);

    // Assess
    expect(cookie).toEqual({
      name: STEP_COOKIE,
      value: 'step_ID-9',
      attributes: expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/', 'Max-Age=300']),
    });
    expect(STEP_COOKIE.startsWith('__Host-')).toBe(true);
    expect(cleared).toEqual({ ...cookie, value: '', attributes: expect.arrayContaining(['Max-Age=0']) });
    expect(cookieValue([`${SESSION_COOKIE}=s1`, `${STEP_COOKIE}=t1`], STEP_COOKIE)).toBe('t1');
  });

  it('is cleared with the same attributes and Max-Age=0', () => {
    // Act
    const cookie = attributes(CLEARED_SESSION_COOKIE);

    // Assess
    expect(cookie).toEqual({
      name: SESSION_COOKIE,
      value: '',
      attributes: expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/', 'Max-Age=0']),
    });
  });

  describe('sessionIdFrom', () => {
    it('finds the session id among the cookies API Gateway hands over', () => {
      expect(sessionIdFrom(['theme=dark', `${SESSION_COOKIE}=abc_DEF-123`, 'other=1'])).toBe('abc_DEF-123');
    });

    it('tolerates spaces around the name and value', () => {
      expect(sessionIdFrom([` ${SESSION_COOKIE} = abc `])).toBe('abc');
    });

    it.each([
      ['no cookies', undefined],
      ['an empty list', []],
      ['only other cookies', ['session=abc', 'Host-session=abc']],
      ['an empty value', [`${SESSION_COOKIE}=`]],
      ['a name without a value', [SESSION_COOKIE]],
    ])('answers undefined for %s', (_label, cookies) => {
      expect(sessionIdFrom(cookies)).toBeUndefined();
    });

    it('does not take a cookie whose name only starts like ours', () => {
      expect(sessionIdFrom([`${SESSION_COOKIE}x=evil`])).toBeUndefined();
    });
  });
});
