import { CfnQueryDefinition, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AUDIT_QUERIES, auditQueryFolder } from '../../audit-queries';

export interface SavedAuditQueriesProps {
  readonly stage: string;
  readonly logGroups: readonly ILogGroup[];
}

/** The auditors' saved Logs Insights queries, in one console folder per stage. */
export class SavedAuditQueries extends Construct {
  constructor(scope: Construct, id: string, props: SavedAuditQueriesProps) {
    super(scope, id);
    AUDIT_QUERIES.forEach((query, index) => {
      new CfnQueryDefinition(this, `Query${index}`, {
        name: `${auditQueryFolder(props.stage)}/${query.title}`,
        queryString: query.query,
        logGroupNames: props.logGroups.map((logGroup) => logGroup.logGroupName),
      });
    });
  }
}
