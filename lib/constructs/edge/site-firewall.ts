import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { RATE_LIMITED_PATH_PREFIXES, TOO_MANY_REQUESTS_BODY } from './rate-limited-paths';

export interface SiteFirewallProps {
  /** Prefix of the web ACL's CloudWatch metric names (`<prefix>` for the ACL, `<prefix>-<Rule>` for each rule). */
  readonly metricPrefix: string;
  /** Requests per IP to the sign-in and mail routes within 5 minutes before WAF blocks that IP. */
  readonly rateLimitPer5Min: number;
  readonly logRetention: RetentionDays;
  readonly retainLogs: boolean;
}

/** AWS managed rule groups, in evaluation order, with the rules of each that only count. */
const MANAGED_RULE_GROUPS = [
  // Known bots, scanners and addresses with a bad reputation, before they cost anything.
  { name: 'AWSManagedRulesAmazonIpReputationList', countOnly: [] },
  {
    name: 'AWSManagedRulesCommonRuleSet',
    // Passwords may contain < > " ' ( ) ; \ and dots, which these two body rules read as script
    // or path traversal: blocking would lock merchants out for their choice of password. The API
    // only takes JSON into zod schemas and the site's CSP forbids inline script, so these bodies
    // reach no interpreter; the rules still count, and counted requests are logged.
    countOnly: ['CrossSiteScripting_BODY', 'GenericLFI_BODY'],
  },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet', countOnly: [] },
] as const;

const RATE_RULE = 'RateLimitSignInAndMailRoutes';
const TOO_MANY_REQUESTS_KEY = 'too-many-requests';

/**
 * The web ACL in front of CloudFront: managed rule groups for the usual attacks, and a per-IP
 * rate limit on the routes that check passwords and passcodes or send mail (guessing and
 * mail-bombing from one address stop at the edge; the per-ID lockout and the per-account mail
 * limit of the handlers stop the distributed kind). Blocked and counted requests are logged,
 * without cookies.
 */
export class SiteFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: SiteFirewallProps) {
    super(scope, id);
    const visibility = (name: string): CfnWebACL.VisibilityConfigProperty => ({
      metricName: name,
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
    });
    const rateRule: CfnWebACL.RuleProperty = {
      name: RATE_RULE,
      priority: 0,
      statement: {
        rateBasedStatement: {
          aggregateKeyType: 'IP',
          limit: props.rateLimitPer5Min,
          evaluationWindowSec: 300,
          scopeDownStatement: {
            orStatement: { statements: RATE_LIMITED_PATH_PREFIXES.map(pathStartsWith) },
          },
        },
      },
      action: {
        block: { customResponse: { responseCode: 429, customResponseBodyKey: TOO_MANY_REQUESTS_KEY } },
      },
      visibilityConfig: visibility(`${props.metricPrefix}-${RATE_RULE}`),
    };
    const managedRules = MANAGED_RULE_GROUPS.map(
      (group, index): CfnWebACL.RuleProperty => ({
        name: group.name,
        priority: index + 1,
        statement: {
          managedRuleGroupStatement: {
            vendorName: 'AWS',
            name: group.name,
            ruleActionOverrides: group.countOnly.length
              ? group.countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } }))
              : undefined,
          },
        },
        overrideAction: { none: {} },
        visibilityConfig: visibility(`${props.metricPrefix}-${group.name}`),
      }),
    );
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      description: 'CustomerSupportWeb: managed rules, per-IP rate limit on sign-in and mail routes',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      customResponseBodies: {
        [TOO_MANY_REQUESTS_KEY]: { contentType: 'APPLICATION_JSON', content: TOO_MANY_REQUESTS_BODY },
      },
      rules: [rateRule, ...managedRules],
      visibilityConfig: visibility(props.metricPrefix),
    });
    this.logBlockedRequests(props);
  }

  private logBlockedRequests(props: SiteFirewallProps): void {
    // WAF only delivers to log groups whose name starts with aws-waf-logs-.
    const logGroupName = `aws-waf-logs-${props.metricPrefix}`;
    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName,
      retention: props.logRetention,
      removalPolicy: props.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const logging = new CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // WAF wants the log group's ARN without the `:*` that CloudFormation's Arn attribute ends with.
      logDestinationConfigs: [
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      // The session cookie never reaches a log.
      redactedFields: [{ singleHeader: { Name: 'cookie' } }],
      loggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [
          {
            Behavior: 'KEEP',
            Requirement: 'MEETS_ANY',
            Conditions: [{ ActionCondition: { Action: 'BLOCK' } }, { ActionCondition: { Action: 'COUNT' } }],
          },
        ],
      },
    });
    logging.node.addDependency(logGroup);
  }
}

function pathStartsWith(prefix: string): CfnWebACL.StatementProperty {
  return {
    byteMatchStatement: {
      fieldToMatch: { uriPath: {} },
      positionalConstraint: 'STARTS_WITH',
      searchString: prefix,
      // Decode %2F and friends, then fold //, /./ and /../ the way a server would.
      textTransformations: [
        { priority: 0, type: 'URL_DECODE' },
        { priority: 1, type: 'NORMALIZE_PATH' },
        { priority: 2, type: 'LOWERCASE' },
      ],
    },
  };
}
