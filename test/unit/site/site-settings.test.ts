import { validSettings } from '../../../static-site/src/js/site-settings';

describe('validSettings', () => {
  it('keeps the sender address the receipts name, trimmed', () => {
    expect(validSettings({ mailFromAddress: ' operation@mail.example.com ' })).toEqual({ mailFromAddress: 'operation@mail.example.com' });
  });

  it('drops a sender that is not an address, as it drops such a contact address', () => {
    expect(validSettings({ mailFromAddress: 'javascript:alert(1)', supportContactEmail: 'nope' })).toEqual({});
  });

  it('drops names it does not know', () => {
    expect(validSettings({ mailFrom: 'operation@mail.example.com' })).toEqual({});
  });
});
