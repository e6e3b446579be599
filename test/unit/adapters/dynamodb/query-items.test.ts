import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { queryItems } from '../../../../lambdas/adapters/dynamodb/query-items';
import { mockDocumentClient } from '../../../support/dynamodb-mock';

const { db, client } = mockDocumentClient();
const QUERY = { TableName: 'factors-test', KeyConditionExpression: 'loginId = :loginId', ExpressionAttributeValues: { ':loginId': 'M1' } };

const starts = () => db.commandCalls(QueryCommand).map((call) => call.args[0].input.ExclusiveStartKey);

describe('queryItems', () => {
  beforeEach(() => {
    db.reset();
  });

  it('gives the items of every page, following LastEvaluatedKey to the last page', async () => {
    // Prepare
    db.on(QueryCommand)
      .resolvesOnce({ Items: [{ k: 'a' }, { k: 'b' }], LastEvaluatedKey: { k: 'b' } })
      .resolvesOnce({ LastEvaluatedKey: { k: 'c' } })
      .resolvesOnce({ Items: [{ k: 'd' }] });

    // Act
    const items = [];
    for await (const item of queryItems(client, QUERY)) items.push(item);

    // Assess
    expect(items).toEqual([{ k: 'a' }, { k: 'b' }, { k: 'd' }]);
    expect(starts()).toEqual([undefined, { k: 'b' }, { k: 'c' }]);
    expect(db.commandCalls(QueryCommand).map((call) => call.args[0].input.TableName)).toEqual([
      'factors-test',
      'factors-test',
      'factors-test',
    ]);
  });

  it('reads the next page only when the caller gets to it', async () => {
    // Prepare
    db.on(QueryCommand)
      .resolvesOnce({ Items: [{ k: 'a' }], LastEvaluatedKey: { k: 'a' } })
      .resolvesOnce({ Items: [{ k: 'b' }] });

    // Act
    const items = queryItems(client, QUERY);
    const first = await items.next();

    // Assess
    expect(first.value).toEqual({ k: 'a' });
    expect(starts()).toEqual([undefined]);
  });

  it('gives nothing for a query that finds nothing', async () => {
    // Prepare
    db.on(QueryCommand).resolves({});

    // Act
    const items = [];
    for await (const item of queryItems(client, QUERY)) items.push(item);

    // Assess
    expect(items).toEqual([]);
    expect(starts()).toEqual([undefined]);
  });
});
