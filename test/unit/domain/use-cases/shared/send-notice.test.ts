import { sendNotice } from '../../../../../lambdas/domain/use-cases/shared/send-notice';
import { fakeWorld, type FakeWorld } from '../../../fakes/world';

const NOTICE = {
  to: 'hanako@example.com',
  subject: '【GMOフィナンシャルゲート】お客様サポートWEBパスワード変更完了のお知らせ',
  text: 'body',
};

describe('sendNotice', () => {
  let world: FakeWorld;

  beforeEach(() => {
    world = fakeWorld();
  });

  it('sends the notice and records nothing', async () => {
    // Act
    await sendNotice(world, NOTICE, 'M20250401');

    // Assess
    expect(world.mailer.sent).toEqual([NOTICE]);
    expect(world.audit.events).toEqual([]);
  });

  it('does not fail when SES refuses, and tells auditors which notice did not go out', async () => {
    // Prepare
    world.mailer.failNext(new Error('MessageRejected'));

    // Act
    const sending = sendNotice(world, NOTICE, 'M20250401');

    // Assess
    await expect(sending).resolves.toBeUndefined();
    expect(world.audit.events).toEqual([
      { event: 'notice.not-sent', outcome: 'failure', loginId: 'M20250401', email: 'hanako@example.com', reason: NOTICE.subject },
    ]);
  });
});
