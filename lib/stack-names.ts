/**
 * The stacks' names, shared by the CDK app and the ops command (which finds a stage's tables in
 * its data stack's outputs). Imports nothing from aws-cdk-lib.
 */
export const dataStackName = (stage: string) => `CustomerSupportWeb-${stage}-Data`;
export const webStackName = (stage: string) => `CustomerSupportWeb-${stage}-Web`;
/** The data stack's output that names a table (`AccountsTableName`), read by the ops command. */
export const tableOutputName = (table: string) => `${table[0]!.toUpperCase()}${table.slice(1)}TableName`;
/**
 * The log group of the ops command's audit trail (one per stage; the local stack's is `local`):
 * every command writes there before it acts, naming the operator's identity.
 */
export const opsAuditLogGroupName = (stage: string) => `/customer-support-web/${stage}/ops`;
/** The data stack's output that names it, read by the ops command. */
export const OPS_AUDIT_LOG_GROUP_OUTPUT = 'OpsAuditLogGroupName';
/** The CloudFront web ACL, which AWS only accepts from us-east-1. */
export const edgeStackName = (stage: string) => `CustomerSupportWeb-${stage}-Edge`;
/** CloudFront's WAF, its metrics and its certificates live in this region whatever the stage's region. */
export const EDGE_REGION = 'us-east-1';
