import { Function as CloudFrontFunction, FunctionCode, FunctionRuntime } from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The page every unknown site path shows, with status 404. */
export const NOT_FOUND_PAGE = '/404.html';

/**
 * The product's own 404 page for a missing page, never S3's XML `AccessDenied` (with OAC and no
 * ListBucket S3 answers 403 for a missing key). Distribution-wide custom error responses would
 * also rewrite the API's JSON 403/404 under `/api/*`, so instead one CloudFront Function sits on
 * the site's behaviour only: at viewer request it sends any path that is not a file of the built
 * site to `/404.html`; at viewer response it gives that answer the status 404. The list of files
 * is read from the build at synth time, so it is the deployed site's own.
 */
export class MissingPages extends Construct {
  readonly function: CloudFrontFunction;

  constructor(scope: Construct, id: string, props: { contentDir: string; extraFiles: readonly string[] }) {
    super(scope, id);
    const known = ['/', ...siteFiles(props.contentDir), ...props.extraFiles.map((file) => `/${file}`)].filter(
      (path) => path !== NOT_FOUND_PAGE,
    );
    this.function = new CloudFrontFunction(this, 'Function', {
      comment: 'Unknown site paths: the product 404 page with status 404',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(missingPagesCode(known)),
    });
  }
}

/** Every file of the built site, as its path from the root (`/css/site.css`). */
function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
    .sort();
}

/** The function's code: one handler for both events, the known paths inlined. */
export function missingPagesCode(known: readonly string[]): string {
  return `var KNOWN = ${JSON.stringify(Object.fromEntries(known.map((path) => [path, 1])))};
function handler(event) {
  var missing = KNOWN[event.request.uri] !== 1;
  if (event.context.eventType === 'viewer-request') {
    if (missing) event.request.uri = '${NOT_FOUND_PAGE}';
    return event.request;
  }
  if (missing) {
    event.response.statusCode = 404;
    event.response.statusDescription = 'Not Found';
  }
  return event.response;
}`;
}
