import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableDefinitions, type TableDefinition, type TableKey } from '../../lambdas/resources/table-definitions';

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
