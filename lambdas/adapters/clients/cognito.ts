import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { once } from './once';

/** Endpoint from `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER` when set (the local emulator). */
export const cognitoClient = once(() => new CognitoIdentityProviderClient({}));
