/**
 * Destination ARNs built from a service and a resource name, as the console's "Destination
 * type" + name does. Region and account are the model's (us-east-1, 123456789012).
 */
import { ACCOUNT_ID, REGION } from '../../model';
import { INVALID_PARAMETER, type Parsed } from './fieldText';

export type DestinationService = 'sqs' | 'sns' | 'events' | 'lambda' | 's3';
/** Where a destination is configured: the two event-invoke destinations and the dead-letter queue. */
export type DestinationSlot = 'OnSuccess' | 'OnFailure' | 'DLQ';

interface ServiceInfo {
  /** The console's name for the destination type. */
  label: string;
  /** What the name names, for messages. */
  noun: string;
  /** The naming rule, as the service documents it. */
  rule: string;
  pattern: RegExp;
}

export const SERVICES: Record<DestinationService, ServiceInfo> = {
  sqs: {
    label: 'SQS queue',
    noun: 'queue name',
    // SQS CreateQueue: up to 80 alphanumeric characters, hyphens and underscores (standard queue: no .fifo).
    rule: '1 to 80 letters, digits, hyphens and underscores',
    pattern: /^[A-Za-z0-9_-]{1,80}$/,
  },
  sns: {
    label: 'SNS topic',
    noun: 'topic name',
    // SNS CreateTopic: 1–256 ASCII letters, numbers, underscores and hyphens (standard topic).
    rule: '1 to 256 letters, digits, hyphens and underscores',
    pattern: /^[A-Za-z0-9_-]{1,256}$/,
  },
  events: {
    label: 'EventBridge event bus',
    noun: 'event bus name',
    // EventBridge CreateEventBus: [/.\-_A-Za-z0-9]+, 1–256; a custom bus name has no "/".
    rule: '1 to 256 letters, digits, dots, hyphens and underscores',
    pattern: /^[A-Za-z0-9._-]{1,256}$/,
  },
  lambda: {
    label: 'Lambda function',
    noun: 'function name',
    rule: '1 to 64 letters, digits, hyphens and underscores',
    pattern: /^[A-Za-z0-9_-]{1,64}$/,
  },
  s3: {
    label: 'S3 bucket',
    noun: 'bucket name',
    // S3 bucket naming rules: 3–63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.
    rule: '3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit',
    pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
  },
};

/** The services a slot accepts: S3 for on-failure only; a dead-letter queue is SQS or SNS. */
export function servicesFor(slot: DestinationSlot): DestinationService[] {
  if (slot === 'DLQ') return ['sqs', 'sns'];
  if (slot === 'OnSuccess') return ['sqs', 'sns', 'events', 'lambda'];
  return ['sqs', 'sns', 'events', 'lambda', 's3'];
}

/** The API's name for the field an ARN goes in. */
export function slotField(slot: DestinationSlot): string {
  return slot === 'DLQ' ? 'DeadLetterConfig.TargetArn' : `DestinationConfig.${slot}.Destination`;
}

export function destinationArn(service: DestinationService, name: string): string {
  const prefix = `arn:aws:${service}:${REGION}:${ACCOUNT_ID}`;
  switch (service) {
    case 'sqs':
    case 'sns':
      return `${prefix}:${name}`;
    case 'events':
      return `${prefix}:event-bus/${name}`;
    case 'lambda':
      return `${prefix}:function:${name}`;
    case 's3':
      return `arn:aws:s3:::${name}`;
  }
}

/** The service and name in an ARN (any region or account); undefined for anything else. */
export function parseDestinationArn(arn: string): { service: DestinationService; name: string } | undefined {
  const m = /^arn:aws[a-zA-Z-]*:([a-z0-9]+):([^:]*):([^:]*):(.*)$/.exec(arn);
  if (!m) return undefined;
  const [, service, , , resource] = m;
  switch (service) {
    case 'sqs':
    case 'sns':
      return { service, name: resource };
    case 'events':
      return resource.startsWith('event-bus/')
        ? { service, name: resource.slice('event-bus/'.length) }
        : undefined;
    case 'lambda': {
      const fn = /^function:([^:]+)/.exec(resource);
      return fn ? { service, name: fn[1] } : undefined;
    }
    case 's3':
      return { service, name: resource };
    default:
      return undefined;
  }
}

/** The name the form suggests for a slot: the café's own resources. */
export function suggestedName(slot: DestinationSlot, functionName: string): string {
  return `${functionName}-${slot === 'OnSuccess' ? 'served' : slot === 'OnFailure' ? 'failed' : 'dlq'}`;
}

/**
 * The ARN for a service and a typed name, or the refusal AWS's pattern check would give
 * (the model checks only the service part of an ARN, so the name is checked here).
 */
export function buildDestination(
  slot: DestinationSlot,
  service: DestinationService,
  name: string,
): Parsed<string> {
  const info = SERVICES[service];
  const arn = destinationArn(service, name.trim());
  if (!servicesFor(slot).includes(service)) {
    // The model refuses these too; its words.
    const allowed =
      slot === 'DLQ'
        ? 'an SQS queue or SNS topic'
        : `an SQS queue, SNS topic, Lambda function or EventBridge event bus${slot === 'OnFailure' ? ', or an S3 bucket' : ''}`;
    return {
      ok: false,
      message: `${INVALID_PARAMETER}: Value ${JSON.stringify(arn)} for ${slotField(slot)} is invalid: it must be the ARN of ${allowed}.`,
    };
  }
  if (!info.pattern.test(name.trim())) {
    return {
      ok: false,
      message: `${INVALID_PARAMETER}: Value ${JSON.stringify(arn)} for ${slotField(slot)} is invalid: the ${info.noun} must be ${info.rule}.`,
    };
  }
  return { ok: true, value: arn };
}
