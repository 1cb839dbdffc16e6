import { RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ROUTES } from '@modellregionen/api';

interface ReportingApiProps {
  /** The pool whose tokens the API accepts. */
  readonly userPool: cognito.IUserPool;
  /** The clients the tokens may be issued to (their audience): the API client and the web app's. */
  readonly clients: readonly cognito.IUserPoolClient[];
  /** The function behind the read routes. */
  readonly readFunction: lambda.Function;
  /** The function behind the write routes. */
  readonly writeFunction: lambda.Function;
}

/**
 * The HTTP API: the routes of the route table (packages/api), each on its function, with the
 * Cognito JWT authorizer on every route but the public ones; access logs and throttling.
 */
export class ReportingApi extends Construct {
  readonly api: apigw.HttpApi;
  /** Routes without the authorizer (the OpenAPI document). */
  readonly publicRoutes: readonly apigw.HttpRoute[];

  constructor(scope: Construct, id: string, props: ReportingApiProps) {
    super(scope, id);
    // The functions verify the token again, against the same pool and clients.
    for (const f of [props.readFunction, props.writeFunction]) {
      f.addEnvironment('USER_POOL_ID', props.userPool.userPoolId);
      f.addEnvironment('USER_POOL_CLIENT_ID', props.clients.map((c) => c.userPoolClientId).join(','));
    }

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY });
    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.userPool, { userPoolClients: [...props.clients] });
    // 'Default' is left out of logical ids: the API, its stage and routes keep the logical ids they
    // had before this construct existed. A new API would have a new endpoint URL.
    this.api = new apigw.HttpApi(this, 'Default', {
      apiName: 'modellregionen',
      description: 'Modellregionen Integration reporting API',
      createDefaultStage: false,
    });
    // Not 'Default' either: CDK leaves that id out of logical ids, which would collide with the API's own.
    const stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
    });
    const cfnStage = stage.node.defaultChild as apigw.CfnStage;
    cfnStage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        ip: '$context.identity.sourceIp',
        requestTime: '$context.requestTime',
        routeKey: '$context.routeKey',
        status: '$context.status',
        principal: '$context.authorizer.claims.sub',
      }),
    };
    const integrations = {
      read: new HttpLambdaIntegration('ReadIntegration', props.readFunction),
      write: new HttpLambdaIntegration('WriteIntegration', props.writeFunction),
    };
    const publicRoutes: apigw.HttpRoute[] = [];
    for (const route of ROUTES) {
      const routes = this.api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: integrations[route.fn],
        authorizer: route.access === 'public' ? new apigw.HttpNoneAuthorizer() : authorizer,
      });
      if (route.access === 'public') publicRoutes.push(...routes);
    }
    this.publicRoutes = publicRoutes;
  }
}
