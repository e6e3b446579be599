import { defineRoute } from '../composition/route-handler';
import { setUpAuthenticator } from '../domain/use-cases/merchant/set-up-authenticator';
import { qrCodeSvg } from '../http/qr-code';

/** 認証アプリの設定 → 開始: a new secret as a QR code and a key to type (signed in, fresh proof). */
export const route = defineRoute('authenticator-setup', {
  run: async ({ sessionId }, deps) => {
    const { uri, key, accountName } = await setUpAuthenticator(sessionId, deps);
    return { body: { qrCodeSvg: await qrCodeSvg(uri), key, accountName } };
  },
});
