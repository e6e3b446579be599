import {
  type CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { type CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTableCommand, type DynamoDBClient, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { opsAuditLogGroupName } from '../lib/stack-names';
import { tableDefinitions, type TableDefinition, type TableKey } from '../lambdas/resources/table-definitions';
import { userPoolDefinition } from '../lambdas/resources/user-pool-definition';

export interface LocalResources {
  tables: Record<TableKey, string>;
  userPoolId: string;
  userPoolClientId: string;
  opsAuditLogGroup: string;
}

export function createTableInput(name: string, table: TableDefinition): CreateTableCommandInput {
  const keys = [table.partitionKey, ...(table.indexes ?? []).map((index) => index.partitionKey)];
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...new Set(keys)].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [{ AttributeName: table.partitionKey, KeyType: 'HASH' }],
    GlobalSecondaryIndexes: table.indexes?.map((index) => ({
      IndexName: index.name,
      KeySchema: [{ AttributeName: index.partitionKey, KeyType: 'HASH' }],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

/**
 * Creates in the emulators what the data stack creates on AWS, from the same definitions.
 * (dynalite cannot switch TTL on; expiry is judged in code anyway.)
 */
export async function provisionLocalResources(clients: {
  dynamodb: DynamoDBClient;
  cognito: CognitoIdentityProviderClient;
  logs: CloudWatchLogsClient;
}): Promise<LocalResources> {
  const tables = {} as Record<TableKey, string>;
  for (const [key, definition] of Object.entries(tableDefinitions) as [TableKey, TableDefinition][]) {
    tables[key] = `local-${key}`;
    await clients.dynamodb.send(new CreateTableCommand(createTableInput(tables[key], definition)));
  }
  const pool = await clients.cognito.send(
    new CreateUserPoolCommand({
      PoolName: 'local-merchants',
      UsernameAttributes: [...userPoolDefinition.usernameAttributes],
      UsernameConfiguration: { CaseSensitive: userPoolDefinition.caseSensitive },
      Schema: userPoolDefinition.customAttributes.map((a) => ({ Name: a.name, AttributeDataType: a.type, Mutable: a.mutable })),
    }),
  );
  const userPoolId = pool.UserPool!.Id!;
  const client = await clients.cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'local-site',
      ExplicitAuthFlows: [...userPoolDefinition.clientAuthFlows],
    }),
  );
  const opsAuditLogGroup = opsAuditLogGroupName('local');
  await clients.logs.send(new CreateLogGroupCommand({ logGroupName: opsAuditLogGroup }));
  return { tables, userPoolId, userPoolClientId: client.UserPoolClient!.ClientId!, opsAuditLogGroup };
}
