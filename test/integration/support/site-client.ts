/**
 * What the site's pages do, as plain HTTP: JSON posts from the site's origin, with the cookies
 * the server set (one cookie jar per simulated browser).
 */
export interface SiteAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export class SiteClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly siteUrl: string) {}

  async post<T = any>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<SiteAnswer<T>> {
    return this.send<T>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.siteUrl, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async get<T = any>(path: string): Promise<SiteAnswer<T>> {
    return this.send<T>(path, { method: 'GET' });
  }

  private async send<T>(path: string, init: RequestInit): Promise<SiteAnswer<T>> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${this.siteUrl}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...(cookie && { cookie }) },
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = setCookie.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (attributes.some((a) => a.trim().toLowerCase() === 'max-age=0')) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, headers: response.headers, body: type.includes('json') ? JSON.parse(text) : text };
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}
