import { CfnQueryDefinition, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { API_ROUTE_QUERY, AUDIT_QUERIES, auditQueryFolder } from '../../audit-queries';

export interface SavedAuditQueriesProps {
  readonly stage: string;
  /** Where audit lines are: the functions' log groups, and those of earlier releases' functions. */
  readonly logGroups: readonly ILogGroup[];
  /** The ops command's audit log group (the data stack's), by its name. */
  readonly opsAuditLogGroupName: string;
  readonly apiAccessLogs: ILogGroup;
}

/** The auditors' saved Logs Insights queries, and ops' view of the API by route, in one console folder per stage. */
export class SavedAuditQueries extends Construct {
  constructor(scope: Construct, id: string, props: SavedAuditQueriesProps) {
    super(scope, id);
    AUDIT_QUERIES.forEach((query, index) => {
      new CfnQueryDefinition(this, `Query${index}`, {
        name: `${auditQueryFolder(props.stage)}/${query.title}`,
        queryString: query.query,
        logGroupNames: [...props.logGroups.map((logGroup) => logGroup.logGroupName), props.opsAuditLogGroupName],
      });
    });
    new CfnQueryDefinition(this, 'ApiByRoute', {
      name: `${auditQueryFolder(props.stage)}/${API_ROUTE_QUERY.title}`,
      queryString: API_ROUTE_QUERY.query,
      logGroupNames: [props.apiAccessLogs.logGroupName],
    });
  }
}
