import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentity } from '../../adapters/cognito-identity';
import { refuseUndeclared } from '../declared-calls';
import type { AdapterFactory } from './context';

/** The registered users' passwords, in Cognito: only functions whose routes check or set one import this. */
export const cognitoIdentity: AdapterFactory<CognitoIdentity> = ({ resources, clientConfig, allowed, owner }) =>
  new CognitoIdentity(
    refuseUndeclared(new CognitoIdentityProviderClient(clientConfig), 'cognito-idp', allowed, owner),
    resources.userPool.id,
    resources.userPool.clientId,
  );
