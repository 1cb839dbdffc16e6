import { MINISTRY_ID, RULES } from '@modellregionen/events';
import { ADMIN_KEY } from '../../bus-policy';
import { AwsError } from '../aws-json';
import type { EndpointContext, Operations } from './context';

/** DescribeEventBus (with the bus policy as AWS shows it) and ListRules (the shared rules). */
export const describeOperations = ({ busName, account, policy, arns }: EndpointContext): Operations => {
  const policyDocument = () => ({
    Version: '2012-10-17',
    Statement: policy
      .principals()
      .filter((p) => p !== ADMIN_KEY)
      .map((p) => ({
        Sid: `allow-${p}-own-source`,
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:user/${p}` },
        Action: 'events:PutEvents',
        Resource: arns.bus(busName),
        Condition: { StringEquals: { 'events:source': p === MINISTRY_ID ? MINISTRY_ID : `modellregion.${p}` } },
      })),
  });

  return {
    'AWSEvents.DescribeEventBus': (_principal, body) => {
      const name = typeof body.Name === 'string' && body.Name !== '' ? body.Name.replace(/^.*event-bus\//, '') : 'default';
      if (name !== busName && name !== 'default') throw new AwsError('ResourceNotFoundException', `Event bus ${name} does not exist.`);
      return name === busName ? { Name: name, Arn: arns.bus(name), Policy: JSON.stringify(policyDocument()) } : { Name: name, Arn: arns.bus(name) };
    },
    'AWSEvents.ListRules': (_principal, body) => {
      const bus = typeof body.EventBusName === 'string' ? body.EventBusName.replace(/^.*event-bus\//, '') : 'default';
      const prefix = typeof body.NamePrefix === 'string' ? body.NamePrefix : '';
      const list = bus === busName ? RULES.filter((r) => r.name.startsWith(prefix)) : [];
      return {
        Rules: list.map((r) => ({
          Name: r.name,
          Arn: arns.rule(r.name),
          EventPattern: JSON.stringify(r.eventPattern),
          State: 'ENABLED',
          Description: r.description,
          EventBusName: busName,
        })),
      };
    },
  };
};
