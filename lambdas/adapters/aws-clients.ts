import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * AWS clients, each built once per process on first use, so a handler pays only for the clients
 * it touches. Endpoints come from the standard `AWS_ENDPOINT_URL_*` variables (the local emulators).
 */
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

export const documentClient = once(() =>
  DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } }),
);
export const cognitoClient = once(() => new CognitoIdentityProviderClient({}));
export const sesClient = once(() => new SESv2Client({}));
export const secretsClient = once(() => new SecretsManagerClient({}));
