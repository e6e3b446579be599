import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { sealPassword } from '../../../lambdas/domain/letter-seal';
import type { Account } from '../../../lambdas/domain/model';
import { InputError } from '../../../ops/arguments';
import { GUIDE_CONTACT } from '../../../ops/letters/contact';
import { produceLetters, type ProduceOptions } from '../../../ops/letters/produce';
import { parseSince, selectPending } from '../../../ops/letters/select';
import { FakeAccountStore } from '../fakes/account-store';
import { FakeAudit } from '../fakes/audit';
import { FakeClock } from '../fakes/clock';
import { SeededRandom } from '../fakes/random';
import { scratchDir } from '../../support/scratch-dir';

const LETTER_KEY = 'unit-test-letter-key-0123456789abcdef0123';
const NOW = '2026-11-27T01:00:00.000Z';

function pendingAccount(
  loginId: string,
  password: string,
  overrides: Partial<Account> = {},
  pending: Partial<NonNullable<Account['pendingLetter']>> = {},
): Account {
  return {
    loginId,
    status: 'invited',
    initialPasswordHash: 'scrypt$…',
    initialPasswordExpiresAt: '2027-02-25T01:00:00.000Z',
    passwordHistory: [],
    letter: { companyName: `会社 ${loginId}`, postalCode: '150-0043', postalAddress: '東京都' },
    pendingLetter: {
      sealedPassword: sealPassword(LETTER_KEY, loginId, password, new SeededRandom(loginId)),
      issuedAt: '2026-11-27T00:30:00.000Z',
      ...pending,
    },
    createdAt: '2026-11-27T00:30:00.000Z',
    ...overrides,
  };
}

describe('parseSince', () => {
  it('reads a date as midnight in Japan, or an ISO time with its zone', () => {
    expect(parseSince('2026-11-27')).toBe('2026-11-26T15:00:00.000Z');
    expect(parseSince('2026-11-27T10:30:00+09:00')).toBe('2026-11-27T01:30:00.000Z');
    expect(parseSince('2026-11-27T01:30Z')).toBe('2026-11-27T01:30:00.000Z');
  });

  it.each(['yesterday', '2026-02-31', '2026-11-27T10:30:00', '27/11/2026', ''])('refuses %j', (value) => {
    expect(parseSince(value)).toBeUndefined();
  });
});

describe('selectPending', () => {
  const accounts = [
    pendingAccount('SHOP-0002', 'x', {}, { importRun: 'import-1', issuedAt: '2026-11-27T00:00:00.000Z' }),
    pendingAccount('SHOP-0001', 'x', {}, { importRun: 'import-2', issuedAt: '2026-11-26T00:00:00.000Z' }),
    { ...pendingAccount('SHOP-0003', 'x'), pendingLetter: undefined },
  ];

  it('selects named accounts and names those without a pending letter', () => {
    const { selected, notPending } = selectPending(accounts, { loginIds: ['SHOP-0002', 'SHOP-0003', 'NOPE-0001', 'SHOP-0002'] });
    expect(selected.map((a) => a.loginId)).toEqual(['SHOP-0002']);
    expect(notPending).toEqual(['SHOP-0003', 'NOPE-0001']);
  });

  it('selects by issue time or by import run, in login ID order', () => {
    expect(selectPending(accounts, { since: '2026-11-26T00:00:00.000Z' }).selected.map((a) => a.loginId)).toEqual([
      'SHOP-0001',
      'SHOP-0002',
    ]);
    expect(selectPending(accounts, { since: '2026-11-26T12:00:00.000Z' }).selected.map((a) => a.loginId)).toEqual(['SHOP-0002']);
    expect(selectPending(accounts, { fromImport: 'import-2' }).selected.map((a) => a.loginId)).toEqual(['SHOP-0001']);
  });
});

describe('produceLetters', () => {
  let scratch: ReturnType<typeof scratchDir>;
  let outDir: string;
  let accounts: FakeAccountStore;
  let audit: FakeAudit;
  let renderPdf: jest.Mock<Promise<Uint8Array>, [string]>;

  const options = (overrides: Partial<ProduceOptions> = {}): ProduceOptions => ({
    selection: { since: '2026-11-01T00:00:00.000Z' },
    outDir,
    format: 'both',
    siteUrl: 'https://support.example.jp',
    contact: GUIDE_CONTACT,
    ...overrides,
  });
  const deps = () => ({ accounts, audit, clock: new FakeClock(NOW), letterKey: LETTER_KEY, renderPdf });

  beforeEach(() => {
    scratch = scratchDir('letters-');
    outDir = scratch.path('out');
    accounts = new FakeAccountStore();
    audit = new FakeAudit();
    renderPdf = jest.fn(async (_html: string): Promise<Uint8Array> => Buffer.from('%PDF-1.4 fake'));
    accounts.seed(pendingAccount('SHOP-0001', 'Hq7#xTk4Wp9=Ny'));
    accounts.seed(pendingAccount('SHOP-0002', 'Mv3%eRt9Yc6+Pq'));
  });
  afterEach(() => scratch.remove());

  it('writes the letters with their opened passwords into one HTML and one PDF, readable by the owner only', async () => {
    // Act
    const result = await produceLetters(options(), deps());

    // Assess
    expect(result).toMatchObject({ produced: ['SHOP-0001', 'SHOP-0002'], notPending: [], heldBack: [], takenElsewhere: [] });
    const html = readFileSync(result.html!, 'utf8');
    expect(html).toContain('Hq7#xTk4Wp9=Ny');
    expect(html).toContain('Mv3%eRt9Yc6+Pq');
    expect(renderPdf).toHaveBeenCalledWith(html);
    expect(readFileSync(result.pdf!, 'utf8')).toBe('%PDF-1.4 fake');
    expect(result.html).toMatch(/letters-20261127-100000\.html$/);
    expect(statSync(result.html!).mode & 0o777).toBe(0o600);
    expect(statSync(result.pdf!).mode & 0o777).toBe(0o600);
  });

  it('takes each letter from its account, so a second run produces nothing', async () => {
    // Prepare
    await produceLetters(options(), deps());

    // Act
    const again = await produceLetters(options({ selection: { loginIds: ['SHOP-0001'] } }), deps());

    // Assess
    expect(accounts.peek('SHOP-0001')!.pendingLetter).toBeUndefined();
    expect(again).toEqual({ produced: [], notPending: ['SHOP-0001'], heldBack: [], takenElsewhere: [] });
    expect(readdirSync(outDir)).toHaveLength(2);
  });

  it('writes only the letters it took (another run took one first)', async () => {
    // Prepare: the other run takes SHOP-0002 between our look and our take.
    const take = accounts.takeLetter.bind(accounts);
    jest.spyOn(accounts, 'takeLetter').mockImplementation(async (loginId, issuedAt) => {
      if (loginId === 'SHOP-0002') await take(loginId, issuedAt);
      return take(loginId, issuedAt);
    });

    // Act
    const result = await produceLetters(options(), deps());

    // Assess
    expect(result.produced).toEqual(['SHOP-0001']);
    expect(result.takenElsewhere).toEqual(['SHOP-0002']);
    expect(readFileSync(result.html!, 'utf8')).not.toContain('Mv3%eRt9Yc6+Pq');
  });

  it('takes the letter before it is written: a letter whose take fails is never in the output', async () => {
    // Prepare
    const order: string[] = [];
    jest.spyOn(accounts, 'takeLetter').mockImplementation(async (loginId) => (order.push(`take ${loginId}`), true));
    renderPdf.mockImplementation(async () => (order.push('pdf'), Buffer.from('%PDF')));

    // Act
    await produceLetters(options(), deps());

    // Assess
    expect(order).toEqual(['take SHOP-0001', 'take SHOP-0002', 'pdf']);
  });

  it('goes on when one take fails, and reports that letter without writing it', async () => {
    // Prepare
    const take = accounts.takeLetter.bind(accounts);
    jest.spyOn(accounts, 'takeLetter').mockImplementation(async (loginId, issuedAt) => {
      if (loginId === 'SHOP-0001') throw new Error('ProvisionedThroughputExceededException');
      return take(loginId, issuedAt);
    });

    // Act
    const result = await produceLetters(options(), deps());

    // Assess
    expect(result.produced).toEqual(['SHOP-0002']);
    expect(result.heldBack).toEqual([
      { loginId: 'SHOP-0001', reason: expect.stringContaining('not taken (ProvisionedThroughputExceededException)') },
    ]);
    expect(readFileSync(result.html!, 'utf8')).not.toContain('Hq7#xTk4Wp9=Ny');
  });

  it('keeps the HTML and says why when the PDF cannot be made', async () => {
    // Prepare
    renderPdf.mockRejectedValue(new Error('no Chromium at /usr/bin/chromium'));

    // Act
    const result = await produceLetters(options(), deps());

    // Assess
    expect(result.pdf).toBeUndefined();
    expect(result.pdfProblem).toBe('no Chromium at /usr/bin/chromium');
    expect(readFileSync(result.html!, 'utf8')).toContain('Hq7#xTk4Wp9=Ny');
  });

  it('writes only the PDF with --format pdf, only the HTML with --format html', async () => {
    // Act
    const pdfOnly = await produceLetters(options({ format: 'pdf', selection: { loginIds: ['SHOP-0001'] } }), deps());
    const htmlOnly = await produceLetters(options({ format: 'html', selection: { loginIds: ['SHOP-0002'] } }), deps());

    // Assess
    expect(pdfOnly.html).toBeUndefined();
    expect(existsSync(pdfOnly.pdf!)).toBe(true);
    expect(htmlOnly.pdf).toBeUndefined();
    expect(renderPdf).toHaveBeenCalledTimes(1);
    expect(readdirSync(outDir).sort()).toEqual(['letters-20261127-100000-2.html', 'letters-20261127-100000.pdf']);
  });

  it('leaves pending the letters not worth printing: registered, disabled, expired, or sealed with another key', async () => {
    // Prepare
    accounts.seed(pendingAccount('SHOP-0003', 'x', { status: 'registered' }));
    accounts.seed(pendingAccount('SHOP-0004', 'x', { disabled: { at: NOW, reason: 'r', by: 'ops' } }));
    accounts.seed(pendingAccount('SHOP-0005', 'x', { initialPasswordExpiresAt: '2026-11-27T00:59:59.000Z' }));
    accounts.seed({
      ...pendingAccount('SHOP-0006', 'x'),
      pendingLetter: { sealedPassword: sealPassword('another-key', 'SHOP-0006', 'x', new SeededRandom()), issuedAt: NOW },
    });

    // Act
    const result = await produceLetters(options(), deps());

    // Assess
    expect(result.produced).toEqual(['SHOP-0001', 'SHOP-0002']);
    expect(result.heldBack).toEqual([
      { loginId: 'SHOP-0003', reason: 'already registered' },
      { loginId: 'SHOP-0004', reason: 'account disabled' },
      { loginId: 'SHOP-0005', reason: 'initial password expired (reissue it)' },
      { loginId: 'SHOP-0006', reason: 'sealed password does not open with this letter key' },
    ]);
    for (const id of ['SHOP-0003', 'SHOP-0004', 'SHOP-0005', 'SHOP-0006']) expect(accounts.peek(id)!.pendingLetter).toBeDefined();
  });

  describe('an account without an address to mail its letter to', () => {
    it('refuses the whole run, listing each such account with the command that adds the address', async () => {
      // Prepare
      accounts.seed(pendingAccount('SHOP-0003', 'x', { letter: undefined }));
      accounts.seed(pendingAccount('SHOP-0004', 'x', { letter: { companyName: '株式会社サンプル', contactName: '山田 太郎' } }));

      // Act
      const run = produceLetters(options(), deps());

      // Assess
      await expect(run).rejects.toBeInstanceOf(InputError);
      await expect(run).rejects.toThrow(
        [
          'No letters produced: 2 accounts have no address to mail their letters to (nothing was taken or written):',
          '  SHOP-0003: missing --company, --postal-code, --postal-address; add it with `update-address SHOP-0003 --company "…" --postal-code NNN-NNNN --postal-address "…"`',
          '  SHOP-0004: missing --postal-code, --postal-address; add it with `update-address SHOP-0004 --company "…" --postal-code NNN-NNNN --postal-address "…"`',
          'Then run letters again.',
        ].join('\n'),
      );
    });

    it('takes no letter and writes no file, not even those of the accounts that have one', async () => {
      // Prepare
      accounts.seed(pendingAccount('SHOP-0003', 'x', { letter: { postalCode: '150-0043', postalAddress: '   ' } }));

      // Act
      await produceLetters(options(), deps()).catch(() => undefined);

      // Assess
      for (const id of ['SHOP-0001', 'SHOP-0002', 'SHOP-0003']) expect(accounts.peek(id)!.pendingLetter).toBeDefined();
      expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
      expect(audit.events).toEqual([]);
      expect(renderPdf).not.toHaveBeenCalled();
    });

    it('does not stop a run whose only unaddressed letter is left pending anyway (registered)', async () => {
      // Prepare
      accounts.seed(pendingAccount('SHOP-0003', 'x', { status: 'registered', letter: undefined }));

      // Act
      const result = await produceLetters(options(), deps());

      // Assess
      expect(result.produced).toEqual(['SHOP-0001', 'SHOP-0002']);
      expect(result.heldBack).toEqual([{ loginId: 'SHOP-0003', reason: 'already registered' }]);
    });
  });

  it('writes no file when there is nothing to produce', async () => {
    // Act
    const result = await produceLetters(options({ selection: { fromImport: 'import-none' } }), deps());

    // Assess
    expect(result.produced).toEqual([]);
    expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
  });

  it('audits each letter produced, without its password', async () => {
    // Prepare
    accounts.seed(pendingAccount('SHOP-0007', 'Zz9#Zz9#Zz9#Zz', {}, { importRun: 'import-20261127-093000' }));

    // Act
    await produceLetters(options({ selection: { loginIds: ['SHOP-0007'] } }), deps());

    // Assess
    expect(audit.named('letter.produced')).toEqual([
      {
        event: 'letter.produced',
        outcome: 'success',
        loginId: 'SHOP-0007',
        issuedAt: '2026-11-27T00:30:00.000Z',
        importRun: 'import-20261127-093000',
        file: 'letters-20261127-100000.pdf',
      },
    ]);
    expect(JSON.stringify(audit.events)).not.toContain('Zz9#');
  });
});
