import { handlerNeeds } from '../../lambdas/composition/needs';
import { UNROUTED_ENTRY } from '../../lambdas/routes';
/** A missing page shows the product's 404 page (status 404); an unknown API path gets the product's JSON, not API Gateway's. */
import { readdirSync } from 'node:fs';
import { siteFixtureDir, synthStage } from './support/synth';

const { web } = synthStage('dev');
const distributionConfig = () => Object.values(web.findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
const functionCode = (): string => Object.values(web.findResources('AWS::CloudFront::Function'))[0].Properties.FunctionCode;

interface CfEvent {
  context: { eventType: string };
  request: { uri: string };
  response?: { statusCode: number; statusDescription?: string };
}
/** The deployed function's own code, run as CloudFront Functions would. */
const run = (event: CfEvent) => new Function(`${functionCode()}\nreturn handler;`)()(event);
const request = (uri: string) => run({ context: { eventType: 'viewer-request' }, request: { uri } });
const response = (uri: string) =>
  run({ context: { eventType: 'viewer-response' }, request: { uri }, response: { statusCode: 200, statusDescription: 'OK' } });

describe('missing pages on CloudFront', () => {
  it('are handled by one function on the site behaviour, at viewer request and viewer response', () => {
    web.resourceCountIs('AWS::CloudFront::Function', 1);
    const associations = distributionConfig().DefaultCacheBehavior.FunctionAssociations;
    expect(associations.map((a: { EventType: string }) => a.EventType).sort()).toEqual(['viewer-request', 'viewer-response']);
    expect(new Set(associations.map((a: { FunctionARN: unknown }) => JSON.stringify(a.FunctionARN))).size).toBe(1);
    web.hasResourceProperties('AWS::CloudFront::Function', { FunctionConfig: { Runtime: 'cloudfront-js-2.0' }, AutoPublish: true });
  });

  it('leave the API alone: no distribution-wide custom error responses, no function on /api/*', () => {
    expect(distributionConfig().CustomErrorResponses).toBeUndefined();
    const api = distributionConfig().CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(api.FunctionAssociations).toBeUndefined();
  });

  it.each(['/', '/index.html', '/site-settings.json'])('pass %s, a file of the site, through unchanged', (uri) => {
    expect(request(uri).uri).toBe(uri);
    expect(response(uri).statusCode).toBe(200);
  });

  it.each(['/no-such-page.html', '/a/b/c', '/js/', '/index.html/', '/%ff', '/404.html'])(
    'send %s to the 404 page with status 404',
    (uri) => {
      expect(request(uri).uri).toBe('/404.html');
      expect(response(uri)).toEqual({ statusCode: 404, statusDescription: 'Not Found' });
    },
  );

  it('know every file of the site it was synthesized with', () => {
    const files = readdirSync(siteFixtureDir).filter((name) => name !== '404.html');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(request(`/${file}`).uri).toBe(`/${file}`);
  });

  it('fit in the 10 KB a CloudFront Function may have', () => {
    expect(Buffer.byteLength(functionCode())).toBeLessThan(10 * 1024);
  });
});

describe('the API default route', () => {
  it('sends $default to the sign-in function through a payload v2 integration', () => {
    const routes = Object.values(web.findResources('AWS::ApiGatewayV2::Route'));
    const fallback = routes.find((route) => route.Properties.RouteKey === '$default');
    expect(fallback).toBeDefined();
    const integrationId: string = fallback!.Properties.Target['Fn::Join'][1][1].Ref;
    const integration = web.findResources('AWS::ApiGatewayV2::Integration')[integrationId];
    expect(integration.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
    expect(JSON.stringify(integration.Properties.IntegrationUri)).toMatch(/RoutesSignInZoneFunction/);
  });

  it('declares for the default route nothing to touch: no table, user pool, mail or key', () => {
    expect(handlerNeeds[UNROUTED_ENTRY]).toEqual({ tables: {} });
  });
});
