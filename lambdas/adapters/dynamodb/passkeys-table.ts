import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PasskeyRecord } from '../../domain/model';
import type { PasskeyStore } from '../../domain/ports';
import { tableDefinitions } from '../../resources/table-definitions';
import { FactorsTable } from './factors-table';

const { partitionKey: KEY } = tableDefinitions.factors;

export const passkeyKey = (credentialId: string) => `passkey#${credentialId}`;
/**
 * The account's WebAuthn user handle. It carries no `loginId`, so the login-ID index never lists
 * it: it is not a factor, and ops reset-mfa leaves it (the same handle serves new passkeys).
 */
export const userHandleKey = (loginId: string) => `${loginId}#webauthn-user`;

const failedCondition = (error: unknown) => error instanceof ConditionalCheckFailedException;

/** The passkeys' own items in the factors table. */
export class PasskeysTable extends FactorsTable implements PasskeyStore {
  async userHandle(loginId: string, proposed: string): Promise<string> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { [KEY]: userHandleKey(loginId), userHandle: proposed },
          ConditionExpression: 'attribute_not_exists(#key)',
          ExpressionAttributeNames: { '#key': KEY },
        }),
      );
      return proposed;
    } catch (error) {
      if (!failedCondition(error)) throw error;
      return (await this.storedUserHandle(loginId))!;
    }
  }

  async storedUserHandle(loginId: string): Promise<string | undefined> {
    const item = await this.item(userHandleKey(loginId));
    return item?.userHandle as string | undefined;
  }

  async addPasskey(passkey: PasskeyRecord): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { [KEY]: passkeyKey(passkey.credentialId), ...passkey },
          ConditionExpression: 'attribute_not_exists(#key)',
          ExpressionAttributeNames: { '#key': KEY },
        }),
      );
      return true;
    } catch (error) {
      if (failedCondition(error)) return false;
      throw error;
    }
  }

  async getPasskey(credentialId: string): Promise<PasskeyRecord | undefined> {
    const item = await this.item(passkeyKey(credentialId));
    if (item?.kind !== 'passkey') return undefined;
    const { [KEY]: _key, ...record } = item;
    return record as unknown as PasskeyRecord;
  }

  async passkeysOf(loginId: string): Promise<PasskeyRecord[]> {
    return (await this.listOf(loginId)).filter((record): record is PasskeyRecord => record.kind === 'passkey');
  }

  async recordPasskeyUse(
    credentialId: string,
    use: Pick<PasskeyRecord, 'counter' | 'deviceType' | 'backedUp' | 'lastUsedAt'>,
  ): Promise<void> {
    await this.updateOwn(
      credentialId,
      undefined,
      'SET #counter = :counter, deviceType = :deviceType, backedUp = :backedUp, lastUsedAt = :lastUsedAt',
      {
        ':counter': use.counter,
        ':deviceType': use.deviceType,
        ':backedUp': use.backedUp,
        ':lastUsedAt': use.lastUsedAt,
      },
      { '#counter': 'counter' },
    );
  }

  renamePasskey(credentialId: string, loginId: string, name: string): Promise<boolean> {
    return this.updateOwn(credentialId, loginId, 'SET #name = :name', { ':name': name }, { '#name': 'name' });
  }

  async removePasskey(credentialId: string, loginId: string): Promise<boolean> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { [KEY]: passkeyKey(credentialId) },
          ConditionExpression: 'loginId = :loginId',
          ExpressionAttributeValues: { ':loginId': loginId },
        }),
      );
      return true;
    } catch (error) {
      if (failedCondition(error)) return false;
      throw error;
    }
  }

  private async item(key: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { [KEY]: key }, ConsistentRead: true }));
    return Item;
  }

  /** An update of a stored passkey (of `loginId`, when given); false when there is none. */
  private async updateOwn(
    credentialId: string,
    loginId: string | undefined,
    update: string,
    values: Record<string, unknown>,
    names: Record<string, string>,
  ): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { [KEY]: passkeyKey(credentialId) },
          UpdateExpression: update,
          ConditionExpression: loginId === undefined ? 'attribute_exists(#key)' : 'loginId = :loginId',
          ExpressionAttributeNames: { ...names, ...(loginId === undefined ? { '#key': KEY } : {}) },
          ExpressionAttributeValues: { ...values, ...(loginId === undefined ? {} : { ':loginId': loginId }) },
        }),
      );
      return true;
    } catch (error) {
      if (failedCondition(error)) return false;
      throw error;
    }
  }
}
