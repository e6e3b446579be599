/** Former home of the emails, now in emails/; kept while the unit fakes still import the wording from here. */
export type { MailWording } from './emails/common';
