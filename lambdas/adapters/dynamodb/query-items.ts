import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';

type Item = NonNullable<QueryCommandOutput['Items']>[number];

/**
 * Every item a Query finds, page after page: DynamoDB answers up to 1 MB a call and says in
 * LastEvaluatedKey where the next page starts. A page is read only when the caller gets to it.
 */
export async function* queryItems(db: DynamoDBDocumentClient, input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): AsyncGenerator<Item> {
  let ExclusiveStartKey: QueryCommandInput['ExclusiveStartKey'];
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    yield* page.Items ?? [];
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}
