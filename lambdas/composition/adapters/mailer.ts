import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SesMailer } from '../../adapters/ses-mailer';
import { refuseUndeclared } from '../declared-calls';
import type { AdapterFactory } from './context';

/** The product's emails through SES: only functions whose routes send mail import this. */
export const sesMailer: AdapterFactory<SesMailer> = ({ resources, clientConfig, allowed, owner }) => {
  const mail = resources.mail;
  if (!mail) throw new Error(`${owner}: mail is not configured`);
  return new SesMailer(
    refuseUndeclared(new SESv2Client(clientConfig), 'ses', allowed, owner),
    { name: mail.fromName, address: mail.fromAddress },
    mail.configurationSet,
  );
};
