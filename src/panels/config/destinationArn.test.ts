import { describe, expect, it } from 'vitest';
import {
  buildDestination,
  destinationArn,
  parseDestinationArn,
  servicesFor,
  suggestedName,
  type DestinationService,
} from './destinationArn';

describe('destination ARNs are built from a type and a name', () => {
  it.each<[DestinationService, string, string]>([
    ['sqs', 'orders-failed', 'arn:aws:sqs:us-east-1:123456789012:orders-failed'],
    ['sns', 'order_events', 'arn:aws:sns:us-east-1:123456789012:order_events'],
    ['events', 'default', 'arn:aws:events:us-east-1:123456789012:event-bus/default'],
    ['lambda', 'refund-order', 'arn:aws:lambda:us-east-1:123456789012:function:refund-order'],
    ['s3', 'cafe-failures', 'arn:aws:s3:::cafe-failures'],
  ])('%s %s → %s, and back', (service, name, arn) => {
    expect(destinationArn(service, name)).toBe(arn);
    expect(parseDestinationArn(arn)).toEqual({ service, name });
  });

  it('reads ARNs of any region or account, and a qualified function ARN', () => {
    expect(parseDestinationArn('arn:aws:sqs:eu-west-1:210987654321:q')).toEqual({
      service: 'sqs',
      name: 'q',
    });
    expect(parseDestinationArn('arn:aws:lambda:us-east-1:123456789012:function:f:prod')).toEqual({
      service: 'lambda',
      name: 'f',
    });
  });

  it('does not read what is not a destination ARN', () => {
    for (const arn of [
      '',
      'orders',
      'arn:aws:dynamodb:us-east-1:123456789012:table/t',
      'arn:aws:events:us-east-1:1:rule/r',
    ]) {
      expect(parseDestinationArn(arn)).toBeUndefined();
    }
  });

  it('S3 is an on-failure destination only; a dead-letter queue is SQS or SNS', () => {
    expect(servicesFor('OnSuccess')).toEqual(['sqs', 'sns', 'events', 'lambda']);
    expect(servicesFor('OnFailure')).toEqual(['sqs', 'sns', 'events', 'lambda', 's3']);
    expect(servicesFor('DLQ')).toEqual(['sqs', 'sns']);
  });

  it('suggests the café’s own resource names', () => {
    expect(suggestedName('OnSuccess', 'cafe-order')).toBe('cafe-order-served');
    expect(suggestedName('OnFailure', 'cafe-order')).toBe('cafe-order-failed');
    expect(suggestedName('DLQ', 'cafe-order')).toBe('cafe-order-dlq');
  });
});

describe('names are checked against each service’s naming rule', () => {
  it('trims the name', () => {
    expect(buildDestination('OnFailure', 'sqs', '  orders  ')).toEqual({
      ok: true,
      value: 'arn:aws:sqs:us-east-1:123456789012:orders',
    });
  });

  it.each<[DestinationService, string, string]>([
    ['sqs', '', 'the queue name must be 1 to 80 letters, digits, hyphens and underscores.'],
    ['sqs', 'my queue', 'the queue name must be 1 to 80 letters, digits, hyphens and underscores.'],
    ['sqs', 'orders.fifo', 'the queue name must be 1 to 80 letters, digits, hyphens and underscores.'],
    ['sqs', 'q'.repeat(81), 'the queue name must be 1 to 80 letters, digits, hyphens and underscores.'],
    ['sns', 'topic!', 'the topic name must be 1 to 256 letters, digits, hyphens and underscores.'],
    [
      'events',
      'bus/with/slash',
      'the event bus name must be 1 to 256 letters, digits, dots, hyphens and underscores.',
    ],
    ['lambda', 'f'.repeat(65), 'the function name must be 1 to 64 letters, digits, hyphens and underscores.'],
    [
      's3',
      'Cafe-Failures',
      'the bucket name must be 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.',
    ],
    [
      's3',
      'ab',
      'the bucket name must be 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.',
    ],
    [
      's3',
      '-bucket',
      'the bucket name must be 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.',
    ],
  ])('%s %j is refused', (service, name, reason) => {
    const arn = destinationArn(service, name.trim());
    expect(buildDestination('OnFailure', service, name)).toEqual({
      ok: false,
      message: `InvalidParameterValueException: Value ${JSON.stringify(arn)} for DestinationConfig.OnFailure.Destination is invalid: ${reason}`,
    });
  });

  it('accepts names at the limits', () => {
    expect(buildDestination('OnSuccess', 'sqs', 'q'.repeat(80)).ok).toBe(true);
    expect(buildDestination('OnFailure', 's3', 'a.b-c').ok).toBe(true);
    expect(buildDestination('OnSuccess', 'events', 'orders.v2_bus').ok).toBe(true);
  });

  it('refuses a type the slot does not take, as the model does', () => {
    expect(buildDestination('OnSuccess', 's3', 'cafe-failures')).toEqual({
      ok: false,
      message:
        'InvalidParameterValueException: Value "arn:aws:s3:::cafe-failures" for DestinationConfig.OnSuccess.Destination is invalid: it must be the ARN of an SQS queue, SNS topic, Lambda function or EventBridge event bus.',
    });
    expect(buildDestination('DLQ', 'lambda', 'f')).toEqual({
      ok: false,
      message:
        'InvalidParameterValueException: Value "arn:aws:lambda:us-east-1:123456789012:function:f" for DeadLetterConfig.TargetArn is invalid: it must be the ARN of an SQS queue or SNS topic.',
    });
  });
});
