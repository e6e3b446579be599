/**
 * The stacks' names, shared by the CDK app and the ops command (which finds a stage's tables in
 * its data stack's outputs). Imports nothing from aws-cdk-lib.
 */
export const dataStackName = (stage: string) => `CustomerSupportWeb-${stage}-Data`;
export const webStackName = (stage: string) => `CustomerSupportWeb-${stage}-Web`;
