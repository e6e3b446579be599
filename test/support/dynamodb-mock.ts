import { ConditionalCheckFailedException, DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';

/**
 * For adapter tests that check the exact commands: `db` answers every document client's `send`
 * (aws-sdk-client-mock patches the class), `client` is what the adapter is built with.
 */
export function mockDocumentClient() {
  const db = mockClient(DynamoDBDocumentClient);
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-northeast-1' }));
  return { db, client };
}

/** What DynamoDB throws when a ConditionExpression does not hold: the stores answer "not applied". */
export const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

/** Any other DynamoDB fault, which the stores must let through. */
export const throughputExceeded = () => new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} });
