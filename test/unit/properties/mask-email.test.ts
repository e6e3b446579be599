/** Masked emails as properties: the first character and the domain, nothing else of the local part. */
import fc from 'fast-check';
import { maskEmail } from '../../../lambdas/domain/mask-email';
import { RUNS } from './settings';

const local = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 });
const domain = fc.domain();

describe('maskEmail (properties)', () => {
  it('shows the first character, three stars and the domain of any address', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const at = email.lastIndexOf('@');
        expect(maskEmail(email)).toBe(`${email[0]}***${email.slice(at)}`);
      }),
      RUNS,
    );
  });

  it('gives the same mask for any two local parts that share their first character: neither length nor the rest shows', () => {
    fc.assert(
      fc.property(local, local, domain, (a, b, d) => {
        const second = `${a[0]}${b.slice(1)}`;
        expect(maskEmail(`${a}@${d}`)).toBe(maskEmail(`${second}@${d}`));
      }),
      RUNS,
    );
  });

  it('hides the local part beyond its first character whatever it holds (even an @ of its own)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 30 }), domain, (localPart, d) => {
        const masked = maskEmail(`${localPart}@${d}`);
        expect(masked.slice(0, masked.length - d.length - 1)).toBe(`${localPart[0]}***`);
        expect(masked.endsWith(`@${d}`)).toBe(true);
      }),
      RUNS,
    );
  });

  it('shows nothing at all of a value with no local part or no @', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }).filter((s) => s.lastIndexOf('@') <= 0),
        (value) => {
          expect(maskEmail(value)).toBe('***');
        },
      ),
      RUNS,
    );
  });
});
