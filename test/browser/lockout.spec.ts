/**
 * Five wrong tries lock the ID for a while, and the lock answers exactly like a wrong password,
 * so guessing learns nothing (DESIGN: Security numbers).
 */
import { expect, test } from './support/fixtures';
import { ACCEPTED_LINES, logIn, submitFirstLogin } from './support/merchant';

test('after five wrong initial passwords even the right one is refused, with the same message', async ({
  page,
  account,
  email,
  mailbox,
}) => {
  const wrong = { ...account, initialPassword: `${account.initialPassword}x` };
  const alert = page.getByRole('alert');
  let wrongPasswordMessage = '';
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await submitFirstLogin(page, wrong, email);
    await expect(alert).not.toBeEmpty();
    wrongPasswordMessage = await alert.innerText();
  }

  await submitFirstLogin(page, account, email);
  await expect(alert).not.toBeEmpty();
  expect(await alert.innerText()).toBe(wrongPasswordMessage);
  await expect(page.getByText(ACCEPTED_LINES[0])).toBeHidden();
  expect(await mailbox.messagesTo(email)).toEqual([]);
});

test('after six wrong passwords at login even the right one is refused, with the same message', async ({ page, merchant }) => {
  const alert = page.getByRole('alert');
  await page.goto('./');
  let wrongPasswordMessage = '';
  for (let attempt = 1; attempt <= 6; attempt += 1) {
    await logIn(page, merchant.email, `${merchant.password}${attempt}`);
    await expect(alert).not.toBeEmpty();
    const message = await alert.innerText();
    if (wrongPasswordMessage) expect(message).toBe(wrongPasswordMessage);
    wrongPasswordMessage = message;
    await expect(page.getByRole('button', { name: 'ログイン', exact: true })).toBeEnabled();
  }

  await logIn(page, merchant.email, merchant.password);
  await expect(alert).not.toBeEmpty();
  expect(await alert.innerText()).toBe(wrongPasswordMessage);
  await expect(page).not.toHaveURL(/home\.html/);
});
