import { SESv2Client } from '@aws-sdk/client-sesv2';
import { once } from './once';

/** Endpoint from `AWS_ENDPOINT_URL_SESV2` when set (the local emulator). */
export const sesClient = once(() => new SESv2Client({}));
