/**
 * The short codes a merchant types from an email or an app, in the form they are checked in.
 * Plain (no crypto), so the pages send what the server would make of the same keys.
 */
import { asTyped } from './typed-text';

/** The email's 6-digit パスコード: full-width digits are the same digits. */
export const canonicalPasscode = (typed: string): string => asTyped(typed);

/** The authenticator app's 確認コード: as the passcode, and the space apps show mid-code dropped. */
export const canonicalAuthenticatorCode = (typed: string): string => asTyped(typed).replace(/\s/g, '');
