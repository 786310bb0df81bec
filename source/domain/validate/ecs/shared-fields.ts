/**
 * ECS types that both the task definition and the service use (API reference, "Data Types"): a name/value
 * pair, a secret, a tag, a log configuration. The enums are the API's, as the ECS SDK lists them.
 */
import type {ObjectField} from './field-kinds.js';
import {list, map, object, oneOf, text} from './field-kinds.js';

/** KeyValuePair: a container's environment variable, a proxy property. */
export const keyValuePair = (what: string): ObjectField => object(what, {name: text(), value: text()}, {required: ['name']});

/** Secret: `valueFrom` is a Secrets Manager secret or an SSM parameter (ARN, or the parameter's name in the same Region). */
export const secret = (what: string): ObjectField => object(what, {name: text(), valueFrom: text()}, {required: ['name', 'valueFrom']});

/** Tag: at most 50 per resource; keys 1–128 characters, values up to 256. */
export const tags = list(object('a tag', {key: text({maxLength: 128}), value: text({maxLength: 256})}, {required: ['key']}), {item: 'tag', maxItems: 50});

/**
 * LogConfiguration.logDriver: the drivers ECS supports. `logentries` is no longer documented but was accepted
 * for years: task definitions registered with it still exist, so it is not refused.
 */
export const LOG_DRIVERS = ['awslogs', 'awsfirelens', 'fluentd', 'gelf', 'journald', 'json-file', 'logentries', 'splunk', 'syslog'] as const;

export const logConfiguration = object(
  'the log configuration',
  {
    logDriver: oneOf(...LOG_DRIVERS),
    options: map(text()),
    secretOptions: list(secret('a log secret option'), {item: 'secret option'}),
  },
  {required: ['logDriver']},
);
