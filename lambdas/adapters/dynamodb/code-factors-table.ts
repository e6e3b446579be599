import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuthenticatorRecord, RecoveryCodesRecord } from '../../domain/model';
import type { CodeFactorStore } from '../../domain/ports';
import { tableDefinitions } from '../../resources/table-definitions';
import { applied } from './accounts-table';

const { partitionKey: KEY } = tableDefinitions.factors;
const authenticatorKey = (loginId: string) => `${loginId}#authenticator`;
const recoveryCodesKey = (loginId: string) => `${loginId}#recovery-codes`;

/**
 * The authenticator app and the recovery codes in the factors table. Every decision is one
 * conditional write, so parallel uses of one code cannot both pass. The codes are a string set:
 * DELETE of one member, on condition it is there, takes it for exactly one caller.
 */
export class CodeFactorsTable implements CodeFactorStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async authenticatorOf(loginId: string): Promise<AuthenticatorRecord | undefined> {
    return (await this.read(authenticatorKey(loginId))) as AuthenticatorRecord | undefined;
  }

  putPendingAuthenticator(record: AuthenticatorRecord): Promise<boolean> {
    return applied(
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { [KEY]: authenticatorKey(record.loginId), ...record },
          ConditionExpression: 'attribute_not_exists(confirmedAt)',
        }),
      ),
    );
  }

  confirmAuthenticator(loginId: string, sealedSecret: string, step: number, at: string): Promise<boolean> {
    return this.update(authenticatorKey(loginId), {
      UpdateExpression: 'SET confirmedAt = :at, addedAt = :at, lastUsedStep = :step',
      ConditionExpression: 'sealedSecret = :sealed AND attribute_not_exists(confirmedAt)',
      ExpressionAttributeValues: { ':at': at, ':step': step, ':sealed': sealedSecret },
    });
  }

  takeAuthenticatorStep(loginId: string, step: number, at: string): Promise<boolean> {
    return this.update(authenticatorKey(loginId), {
      UpdateExpression: 'SET lastUsedStep = :step, lastUsedAt = :at',
      ConditionExpression: 'attribute_exists(confirmedAt) AND (attribute_not_exists(lastUsedStep) OR lastUsedStep < :step)',
      ExpressionAttributeValues: { ':at': at, ':step': step },
    });
  }

  removeAuthenticator(loginId: string): Promise<boolean> {
    return this.remove(authenticatorKey(loginId));
  }

  async recoveryCodesOf(loginId: string): Promise<RecoveryCodesRecord | undefined> {
    const item = await this.read(recoveryCodesKey(loginId));
    return item && ({ ...item, codeHashes: [...((item.codeHashes as Set<string> | undefined) ?? [])] } as RecoveryCodesRecord);
  }

  async putRecoveryCodes(record: RecoveryCodesRecord): Promise<void> {
    const { codeHashes, ...rest } = record;
    const item = { [KEY]: recoveryCodesKey(record.loginId), ...rest, ...(codeHashes.length ? { codeHashes: new Set(codeHashes) } : {}) };
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: item }));
  }

  async takeRecoveryCode(loginId: string, codeHash: string, at: string): Promise<number | undefined> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { [KEY]: recoveryCodesKey(loginId) },
          UpdateExpression: 'DELETE codeHashes :taken SET lastUsedAt = :at',
          ConditionExpression: 'contains(codeHashes, :hash)',
          ExpressionAttributeValues: { ':taken': new Set([codeHash]), ':hash': codeHash, ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return ((Attributes?.codeHashes as Set<string> | undefined) ?? new Set()).size;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async removeRecoveryCodes(loginId: string): Promise<void> {
    await this.remove(recoveryCodesKey(loginId));
  }

  private async read(factorKey: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { [KEY]: factorKey }, ConsistentRead: true }));
    if (!Item) return undefined;
    const { [KEY]: _key, ...record } = Item;
    return record;
  }

  private update(
    factorKey: string,
    command: { UpdateExpression: string; ConditionExpression: string; ExpressionAttributeValues: Record<string, unknown> },
  ): Promise<boolean> {
    return applied(this.db.send(new UpdateCommand({ TableName: this.tableName, Key: { [KEY]: factorKey }, ...command })));
  }

  private async remove(factorKey: string): Promise<boolean> {
    const { Attributes } = await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: { [KEY]: factorKey }, ReturnValues: 'ALL_OLD' }),
    );
    return Attributes !== undefined;
  }
}
