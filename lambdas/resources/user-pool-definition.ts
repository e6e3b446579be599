/**
 * The Cognito user pool's shape in plain data: the CDK pool is built from it and the local
 * server can create the same pool in cognito-local from it. Imports nothing from aws-cdk-lib.
 */
export const LOGIN_ID_ATTRIBUTE = 'loginId';
/** How Cognito names the custom attribute in user attributes and tokens. */
export const LOGIN_ID_USER_ATTRIBUTE = `custom:${LOGIN_ID_ATTRIBUTE}`;

export const userPoolDefinition = {
  /** The username is the registered email (not an alias), matched case-insensitively. */
  usernameAttributes: ['email'],
  caseSensitive: false,
  customAttributes: [{ name: LOGIN_ID_ATTRIBUTE, type: 'String', mutable: true }],
  /**
   * As close to the product's policy as Cognito gets; the product's own check (length ≤ 30,
   * allowed symbols, history, common passwords) runs first, in code.
   */
  passwordPolicy: {
    minimumLength: 12,
    requireUppercase: true,
    requireLowercase: true,
    requireNumbers: true,
    requireSymbols: true,
  },
  /** The Lambdas verify passwords server-side; no browser talks to Cognito. */
  clientAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
} as const;
