import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableDefinitions, type TableDefinition, type TableKey } from '../../lambdas/resources/table-definitions';

/** The deployed names, by table key: what the handlers' environment names. */
export const tableNamesOf = (tables: Record<TableKey, ITable>) =>
  Object.fromEntries(Object.entries(tables).map(([key, table]) => [key, table.tableName])) as Record<TableKey, string>;

export interface TablesProps {
  readonly deletionProtection: boolean;
}

/** The product's DynamoDB tables, built from `tableDefinitions`; they outlive the stack. */
export class Tables extends Construct {
  readonly byKey: Record<TableKey, Table>;

  constructor(scope: Construct, id: string, props: TablesProps) {
    super(scope, id);
    this.byKey = {
      accounts: this.table('Accounts', tableDefinitions.accounts, props),
      requests: this.table('Requests', tableDefinitions.requests, props),
      sessions: this.table('Sessions', tableDefinitions.sessions, props),
      limits: this.table('Limits', tableDefinitions.limits, props),
      factors: this.table('Factors', tableDefinitions.factors, props),
      steps: this.table('Steps', tableDefinitions.steps, props),
    };
  }

  private table(id: string, definition: TableDefinition, props: TablesProps): Table {
    const table = new Table(this, id, {
      partitionKey: { name: definition.partitionKey, type: AttributeType.STRING },
      timeToLiveAttribute: definition.ttlAttribute,
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.deletionProtection,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of definition.indexes ?? []) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
    return table;
  }
}
