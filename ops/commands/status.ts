import {
  accountStatus,
  type AccountStatus,
  type RequestView,
  type SecondFactorsView,
} from '../../lambdas/domain/use-cases/ops/account-status';
import { jst, oneAccountRef } from '../account-ref';
import { parseCommand } from '../arguments';
import { operator, opsDeps } from '../context';
import { resolveTarget } from '../target';

export const STATUS_USAGE = "status <loginId|email>   An account's state, locks, logins and pending requests (no secrets).";

const HELP = `Usage: npm run --silent ops -- status <loginId|email> [--stage <name>] [--json]

Shows one account as the support desk needs it, and nothing secret (no password, hash, token,
passcode or sealed letter):

  state             invited (letter sent, not registered), pending registration (the merchant
                    entered the letter and an email; the emails' link and passcode are valid until
                    the time shown) or registered
  initial password  its expiry, and whether its letter is still to be printed (invited)
  registration      the request the account points to: address, expiry, wrong passcodes, or
                    what became of it (expired, voided, used)
  email             the login email (registered)
  locked            first login (by login ID) and login (by email) locks, until when
  disabled          when, by whom and why (by "system": the inactivity rule)
  inactivity        the inactivity rule's warning email, when it was sent
  enabled           the last enable (the inactivity rule counts from it)
  logins            the last and the one before
  second factors    the authenticator app (set up, or a set-up waiting for its first code),
                    how many passkeys, how many recovery codes are left, with their dates
  password reset, email change   pending requests with their address and expiry

An argument containing "@" is looked up as the email an account logs in with; an address still
awaiting its registration is not the account's yet, so look that merchant up by login ID.

Options:
  --stage <name>   A deployed stage instead of the local stack.
  --json           Print the state as one JSON object.
`;

const STATE_WORDS: Record<RequestView['state'], string> = {
  pending: 'pending',
  completing: 'being completed right now',
  expired: 'expired',
  used: 'used (completed)',
  voided: 'voided (too many wrong passcodes)',
  replaced: 'replaced',
  missing: 'gone (removed after its expiry)',
};

function request(view: RequestView | undefined): string {
  if (!view) return 'none';
  const what = STATE_WORDS[view.state];
  if (view.state === 'missing') return what;
  const to = view.email ? ` to ${view.email}` : '';
  const timing =
    view.state === 'pending' || view.state === 'completing'
      ? `valid until ${jst(view.expiresAt)}`
      : `sent ${jst(view.createdAt)}, ${view.state === 'expired' ? 'expired' : 'expires'} ${jst(view.expiresAt)}`;
  return `${what}${to}, ${timing}, wrong passcodes: ${view.wrongPasscodes ?? 0}`;
}

function secondFactors({ authenticator, passkeys, recoveryCodes }: SecondFactorsView): string {
  const used = (at: string | undefined) => (at ? `, last used ${jst(at)}` : '');
  const parts = [
    authenticator &&
      (authenticator.state === 'set up'
        ? `authenticator app (set up ${jst(authenticator.addedAt)}${used(authenticator.lastUsedAt)})`
        : `authenticator app set-up waiting for its first code (since ${jst(authenticator.addedAt)})`),
    passkeys.count > 0 && `${passkeys.count} passkey(s) (newest added ${jst(passkeys.lastAddedAt)}${used(passkeys.lastUsedAt)})`,
    recoveryCodes && `${recoveryCodes.left} recovery code(s) left (issued ${jst(recoveryCodes.issuedAt)}${used(recoveryCodes.lastUsedAt)})`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : 'none';
}

/** The longest label ("initial password:") and two spaces, so every account's lines align alike. */
const LABEL_WIDTH = 'initial password:'.length + 2;

/** The human view: one line per fact, aligned, times in Japan time. */
export function renderStatus(status: AccountStatus): string {
  const lines: [string, string][] = [];
  const add = (label: string, value: string) => lines.push([label, value]);
  add('state', `${status.state}${status.disabled ? ' — DISABLED' : ''}`);
  if (status.disabled) add('disabled', `${jst(status.disabled.at)} by ${status.disabled.by}: ${status.disabled.reason}`);
  if (status.email) add('email', status.email);
  if (status.registeredAt) add('registered', jst(status.registeredAt));
  if (status.initialPassword) {
    add(
      'initial password',
      status.initialPassword.expired
        ? `EXPIRED ${jst(status.initialPassword.expiresAt)} (reissue gives a new one)`
        : `valid until ${jst(status.initialPassword.expiresAt)}`,
    );
  }
  if (status.state !== 'registered') {
    add(
      'letter',
      status.letterToPrint
        ? `to be printed (issued ${jst(status.letterToPrint.issuedAt)}${status.letterToPrint.importRun ? `, import ${status.letterToPrint.importRun}` : ''})`
        : 'printed',
    );
    add('registration', request(status.registration));
  }
  const address =
    status.letter &&
    [
      status.letter.postalCode && `〒${status.letter.postalCode}`,
      status.letter.postalAddress?.replace(/\n/g, ' '),
      status.letter.companyName,
      status.letter.contactName,
    ]
      .filter(Boolean)
      .join(' ');
  if (address) add('letter address', address);
  const locks = [
    status.lockedUntil.firstLogin && `first login until ${jst(status.lockedUntil.firstLogin)}`,
    status.lockedUntil.login && `login until ${jst(status.lockedUntil.login)}`,
  ].filter(Boolean);
  add('locked', locks.length > 0 ? locks.join('; ') : 'no');
  add(
    'last login',
    status.lastLoginAt ? `${jst(status.lastLoginAt)}${status.previousLoginAt ? ` (before: ${jst(status.previousLoginAt)})` : ''}` : 'never',
  );
  if (status.inactivityWarnedAt) add('inactivity', `warning sent ${jst(status.inactivityWarnedAt)} (a sign-in keeps the account)`);
  if (status.enabledAt) add('enabled', jst(status.enabledAt));
  if (status.secondFactors) add('second factors', secondFactors(status.secondFactors));
  if (status.state === 'registered') {
    add('password reset', request(status.passwordReset));
    add('email change', request(status.emailChange));
  }
  add('created', jst(status.createdAt));
  return [status.loginId, ...lines.map(([label, value]) => `  ${`${label}:`.padEnd(LABEL_WIDTH)}${value}`)].join('\n');
}

export async function statusCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseCommand(args);
  if (values.help) return HELP.trimEnd();
  const ref = oneAccountRef('status', positionals);
  const status = await accountStatus(ref, { operator: operator() }, await opsDeps(await resolveTarget(values.stage)));
  return values.json ? JSON.stringify(status) : renderStatus(status);
}
