/**
 * One diff model for task definitions and services (what `diff`, the review step and `plan` show).
 *
 * Both sides are normalised first (normalise/comparable-form.ts: API defaults, nulls, empty arrays and set order are not
 * differences). Arrays that AWS treats as sets are matched by IDENTITY, never by index: a container by
 * its name, an environment variable or secret by its name, a port mapping by containerPort/protocol, a
 * volume by name, a load balancer by target group + container + port, a subnet by its id… The path of a
 * change names those identities: `containerDefinitions[web].environment[LOG_LEVEL]`.
 *
 * Name/value lists (environment, secrets, tags, secretOptions, proxy properties) are compared as maps:
 * the change is on `environment[NAME]` with the values as before/after.
 *
 * Impact:
 * - `none`: nothing differs;
 * - `create`: nothing exists yet (no current document);
 * - `new-revision`: the task definition differs: a new revision is registered (task definitions are
 *   immutable, every change is a new revision);
 * - `update-in-place`: service fields UpdateService (or TagResource, for tags) can change;
 * - `replace`: the service must be deleted and created again (see SERVICE_FIELD_RULES for each field).
 *
 * Values stay raw in the model (an apply step may need them); every renderer masks the values of
 * secret-looking names (`isSensitiveName`, `redactChange`).
 */
import type {JsonObject, JsonValue} from './json.js';
import {isJsonObject} from './json.js';
import {findSecretValue} from './secret-values.js';
import {getMember, joinPath} from './json-text.js';
import type {ArraySpec, DocumentKind, KeyedArray} from './normalise/arrays.js';
import {arraySpec} from './normalise/arrays.js';
import {jsonEqual} from './json-values.js';
import {normaliseService, normaliseTaskDefinition} from './normalise/comparable-form.js';

export type Impact = 'none' | 'new-revision' | 'update-in-place' | 'replace' | 'create';

/** Least to most disruptive; a document's (and a plan's) impact is the greatest of its parts. */
export const IMPACT_ORDER: readonly Impact[] = ['none', 'new-revision', 'update-in-place', 'replace', 'create'];

export const maxImpact = (...impacts: Impact[]): Impact =>
  impacts.reduce<Impact>((worst, impact) => (IMPACT_ORDER.indexOf(impact) > IMPACT_ORDER.indexOf(worst) ? impact : worst), 'none');

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface Change {
  kind: ChangeKind;
  /** JSON path with identities: `containerDefinitions[web].portMappings[8080/tcp].hostPort`. */
  path: string;
  /** The member names only (`containerDefinitions.environment`): which field this is, whatever the identities. */
  field: string;
  before?: JsonValue;
  after?: JsonValue;
  /** What this change alone requires. */
  impact: Impact;
  /** Why, for `replace` (and for in-place changes made by another call than UpdateService). */
  reason?: string;
  /** The value belongs to a secret-looking name: renderers never show it. */
  sensitive?: boolean;
}

export interface DiffResult {
  kind: DocumentKind;
  impact: Impact;
  changes: Change[];
}

export interface PlanDiff {
  taskDefinition: DiffResult;
  service: DiffResult;
  /** The greatest of the two. */
  impact: Impact;
}

// ---------------------------------------------------------------------------------------------------
// Secret-looking names
// ---------------------------------------------------------------------------------------------------

/** Words that mark a name as secret wherever they appear, even inside a longer word (`DBPASSWORD`). */
const SECRET_SUBSTRINGS = ['PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'CREDENTIAL', 'PRIVATE'];
/** Words that mark a name as secret only as a whole word (`API_KEY`, `apiKey` but not `KEYBOARD_LAYOUT`, `MONKEY`, `TOKENIZER`). */
const SECRET_WORDS = new Set([
  'KEY',
  'KEYS',
  'TOKEN',
  'TOKENS',
  'PASS',
  'PWD',
  'CREDS',
  'APIKEY',
  'ACCESSKEY',
  'AUTHTOKEN',
  'ACCESSTOKEN',
  'SESSIONTOKEN',
  'AUTHKEY',
  'SIGNINGKEY',
  'ENCRYPTIONKEY',
  'MASTERKEY',
  'SECRETKEY',
  'DSN',
]);

/** `FOO_BAR`, `foo-bar`, `fooBar`, `foo.bar`, `HTTPToken` → upper-case words. */
const words = (name: string): string[] =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toUpperCase());

/**
 * True for names whose values must not be shown: PASSWORD, PASSWD, PASSPHRASE, SECRET, CREDENTIAL, PRIVATE
 * anywhere in the name (case-insensitive); KEY, KEYS, TOKEN(S), PASS, PWD, CREDS, DSN, APIKEY, ACCESSKEY … as
 * whole words (split on `_`, `-`, `.`, `/` and camelCase). So `DB_PASSWORD`, `dbPassword`, `API_KEY`,
 * `apiKey`, `GITHUB_TOKEN`, `ssh-private-key` are sensitive; `KEYBOARD_LAYOUT`, `MONKEY_COUNT`,
 * `TOKENIZER_MODE`, `PASSENGER_LIMIT` are not. False positives (`SECRETARY`) are accepted: a masked value
 * is never a leak.
 */
export function isSensitiveName(name: string): boolean {
  const upper = name.toUpperCase();
  if (SECRET_SUBSTRINGS.some((word) => upper.includes(word))) return true;
  return words(name).some((word) => SECRET_WORDS.has(word));
}

/** Name/value lists whose item values are masked when the item's name looks secret. */
const SENSITIVE_LISTS: Readonly<Record<string, {name: string; value: string}>> = {
  'containerDefinitions.environment': {name: 'name', value: 'value'},
  'containerDefinitions.secrets': {name: 'name', value: 'valueFrom'},
  'containerDefinitions.logConfiguration.secretOptions': {name: 'name', value: 'valueFrom'},
};
/** String maps whose values are masked when the key looks secret (log driver options carry tokens: `splunk-token`). */
const SENSITIVE_MAPS: ReadonlySet<string> = new Set([
  'containerDefinitions.dockerLabels',
  'containerDefinitions.logConfiguration.options',
  'containerDefinitions.firelensConfiguration.options',
]);

/** What renderers show instead of a masked value. */
export const MASK = '(masked)';

/** A copy of `value` (found at `field`) with every secret-looking value inside it replaced by MASK. */
export function maskValue(value: JsonValue, field: string): JsonValue {
  if (Array.isArray(value)) {
    const list = Object.hasOwn(SENSITIVE_LISTS, field) ? SENSITIVE_LISTS[field] : undefined;
    return value.map((item) => {
      if (list !== undefined && isJsonObject(item)) {
        const name = getMember(item, list.name);
        if (typeof name === 'string' && isSensitiveName(name) && Object.hasOwn(item, list.value)) {
          return {...(maskValue(item, field) as JsonObject), [list.value]: MASK};
        }
      }
      return maskValue(item, field);
    });
  }
  if (isJsonObject(value)) {
    const copy: JsonObject = {};
    for (const key of Object.keys(value)) {
      const member = value[key] as JsonValue;
      const childField = field === '' ? key : `${field}.${key}`;
      const masked = SENSITIVE_MAPS.has(field) && isSensitiveName(key) ? MASK : maskValue(member, childField);
      Object.defineProperty(copy, key, {value: masked, enumerable: true, writable: true, configurable: true});
    }
    return copy;
  }
  // A secret by its value, whatever it is called: only what says which secret it is stays (`sk_live_…`).
  if (typeof value === 'string') return findSecretValue(value)?.shown ?? value;
  return value;
}

/** A whole task definition or service document with its secrets masked (by name and by value), for display. */
export const maskSecrets = (document: JsonValue): JsonValue => maskValue(document, '');

/**
 * The change with before/after masked (a sensitive change's values entirely, others deep). A secret value that
 * changed into another secret of the same kind reads `sk_live_… → sk_live_… (changed)`.
 */
export function redactChange(change: Change): Change {
  const copy: Change = {...change};
  for (const side of ['before', 'after'] as const) {
    const value = change[side];
    if (value === undefined) continue;
    copy[side] = change.sensitive === true ? MASK : maskValue(value, change.field);
  }
  if (
    change.kind === 'changed' &&
    change.sensitive !== true &&
    typeof copy.after === 'string' &&
    copy.after === copy.before &&
    change.after !== change.before
  ) {
    copy.after = `${copy.after} (changed)`;
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------------
// Service impact rules
// ---------------------------------------------------------------------------------------------------

interface FieldRule {
  impact: 'update-in-place' | 'replace';
  reason?: string;
}

/**
 * What a change of each CreateService parameter requires (UpdateService's parameters as of the 2025 API:
 * desiredCount, taskDefinition, capacityProviderStrategy, deploymentConfiguration, availabilityZoneRebalancing,
 * networkConfiguration, placementConstraints, placementStrategy, platformVersion, healthCheckGracePeriodSeconds,
 * deploymentController, enableExecuteCommand, enableECSManagedTags, loadBalancers, propagateTags,
 * serviceRegistries, serviceConnectConfiguration, volumeConfigurations, vpcLatticeConfigurations).
 * loadBalancers and serviceRegistries became updatable in 2022 (rolling-update services only).
 */
export const SERVICE_FIELD_RULES: Readonly<Record<string, FieldRule>> = {
  serviceName: {impact: 'replace', reason: 'a service cannot be renamed'},
  cluster: {impact: 'replace', reason: 'a service cannot move to another cluster'},
  launchType: {impact: 'replace', reason: 'UpdateService has no launchType parameter'},
  schedulingStrategy: {impact: 'replace', reason: 'UpdateService cannot change the scheduling strategy'},
  role: {impact: 'replace', reason: "UpdateService cannot change the service's load balancer IAM role"},
  desiredCount: {impact: 'update-in-place'},
  taskDefinition: {impact: 'update-in-place'},
  capacityProviderStrategy: {impact: 'update-in-place'},
  deploymentConfiguration: {impact: 'update-in-place'},
  availabilityZoneRebalancing: {impact: 'update-in-place'},
  networkConfiguration: {impact: 'update-in-place'},
  placementConstraints: {impact: 'update-in-place'},
  placementStrategy: {impact: 'update-in-place'},
  platformVersion: {impact: 'update-in-place'},
  healthCheckGracePeriodSeconds: {impact: 'update-in-place'},
  deploymentController: {
    impact: 'replace',
    reason: 'the deployment controller (ECS, CODE_DEPLOY, EXTERNAL) is chosen when the service is created (CloudFormation: update requires replacement)',
  },
  enableExecuteCommand: {impact: 'update-in-place'},
  enableECSManagedTags: {impact: 'update-in-place'},
  loadBalancers: {impact: 'update-in-place'},
  propagateTags: {impact: 'update-in-place'},
  serviceRegistries: {impact: 'update-in-place'},
  serviceConnectConfiguration: {impact: 'update-in-place'},
  volumeConfigurations: {impact: 'update-in-place'},
  vpcLatticeConfigurations: {impact: 'update-in-place'},
  tags: {impact: 'update-in-place', reason: 'tags change through TagResource/UntagResource'},
};

/**
 * Under the CODE_DEPLOY and EXTERNAL deployment controllers UpdateService cannot change these (they need a
 * CodeDeploy deployment or a new task set, which this tool does not drive): such a change is a replacement.
 */
const CONTROLLER_BOUND_FIELDS: ReadonlySet<string> = new Set([
  'taskDefinition',
  'networkConfiguration',
  'platformVersion',
  'loadBalancers',
  'serviceRegistries',
  'capacityProviderStrategy',
  'serviceConnectConfiguration',
  'volumeConfigurations',
  'vpcLatticeConfigurations',
]);

const controllerType = (service: JsonObject | undefined): string => {
  const controller = service?.['deploymentController'];
  const type = isJsonObject(controller) ? controller['type'] : undefined;
  return typeof type === 'string' ? type : 'ECS';
};

function serviceRule(change: Change, desired: JsonObject, current: JsonObject): FieldRule {
  const top = change.field.split('.')[0] ?? '';
  if (top === 'launchType') {
    // Launch type → capacity provider strategy is a documented UpdateService transition.
    const hasStrategy = Array.isArray(desired['capacityProviderStrategy']) && desired['capacityProviderStrategy'].length > 0;
    if (change.kind === 'removed' && hasStrategy) {
      return {impact: 'update-in-place', reason: 'moves to a capacity provider strategy (UpdateService with forceNewDeployment)'};
    }
  }
  if (change.field === 'deploymentConfiguration.strategy' || change.field === 'deploymentConfiguration') {
    const strategyOf = (service: JsonObject): string => {
      const configuration = service['deploymentConfiguration'];
      const strategy = isJsonObject(configuration) ? configuration['strategy'] : undefined;
      return typeof strategy === 'string' ? strategy : 'ROLLING';
    };
    const from = strategyOf(current);
    const to = strategyOf(desired);
    if (from !== to)
      return {
        impact: 'update-in-place',
        reason: `the deployment strategy changes from ${from} to ${to} in place (UpdateService): the next deployment runs as ${to}`,
      };
  }
  const rule = Object.hasOwn(SERVICE_FIELD_RULES, top) ? SERVICE_FIELD_RULES[top] : undefined;
  if (rule === undefined) return {impact: 'replace', reason: `${top} is not known to be updatable`};
  const controller = controllerType(current);
  if (rule.impact === 'update-in-place' && controller !== 'ECS' && CONTROLLER_BOUND_FIELDS.has(top)) {
    return {impact: 'replace', reason: `UpdateService cannot change ${top} of a service with the ${controller} deployment controller`};
  }
  return rule;
}

// ---------------------------------------------------------------------------------------------------
// The structural diff
// ---------------------------------------------------------------------------------------------------

type Emit = (change: Omit<Change, 'impact'>) => void;

/** `[web]`, `[8080/tcp]`, or `["odd]name"]` when the identity would not read back. */
const identitySegment = (identity: string): string =>
  /^[^[\]"\\\u0000-\u001f\u007f-\u009f]+$/.test(identity) ? `[${identity}]` : `[${JSON.stringify(identity)}]`;

const childField = (field: string, key: string): string => (field === '' ? key : `${field}.${key}`);

/** Items of a keyed array by identity (duplicates get `#2`, `#3`…; items without identity `#index`). */
function byIdentity(items: readonly JsonValue[], spec: KeyedArray): Map<string, JsonValue> {
  const map = new Map<string, JsonValue>();
  items.forEach((item, index) => {
    const identity = spec.identity(item);
    let key = identity ?? `#${index + 1}`;
    for (let n = 2; map.has(key); n += 1) key = `${identity ?? `#${index + 1}`}#${n}`;
    map.set(key, item);
  });
  return map;
}

/** For a name/value item of exactly {name, value}: the value; otherwise undefined (compared as an object). */
function mapEntryValue(item: JsonValue | undefined, spec: KeyedArray): JsonValue | undefined {
  if (item === undefined || spec.valueField === undefined || spec.nameField === undefined || !isJsonObject(item)) return undefined;
  const keys = Object.keys(item);
  if (keys.length !== 2 || !Object.hasOwn(item, spec.nameField) || !Object.hasOwn(item, spec.valueField)) return undefined;
  return item[spec.valueField];
}

function sensitiveEntry(field: string, identity: string): boolean {
  if (!Object.hasOwn(SENSITIVE_LISTS, field)) return false;
  return isSensitiveName(identity.replace(/#[0-9]+$/, ''));
}

function diffArrays(kind: DocumentKind, before: JsonValue[], after: JsonValue[], path: string, field: string, spec: ArraySpec, emit: Emit): void {
  if (spec.kind === 'ordered') {
    if (!jsonEqual(before, after)) emit({kind: 'changed', path, field, before, after});
    return;
  }
  if (spec.kind === 'string-set') {
    const old = new Set(before.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))));
    const now = new Set(after.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))));
    for (const item of now) if (!old.has(item)) emit({kind: 'added', path: path + identitySegment(item), field, after: item});
    for (const item of old) if (!now.has(item)) emit({kind: 'removed', path: path + identitySegment(item), field, before: item});
    return;
  }
  const old = byIdentity(before, spec);
  const now = byIdentity(after, spec);
  const renamed = field === 'containerDefinitions' ? pairRenamedContainers(old, now) : new Map<string, string>();
  const renamedFrom = new Set(renamed.values());
  const visit = (identity: string): void => {
    const from = renamed.get(identity);
    const a = old.get(from ?? identity);
    const b = now.get(identity);
    // The item's path, and whether its name looks secret, are worked out only for what changed (most items are equal).
    const itemPath = (): string => path + (from === undefined ? identitySegment(identity) : identitySegment(`${from}→${identity}`));
    const sensitive = (): {sensitive?: true} => (sensitiveEntry(field, identity) ? {sensitive: true} : {});
    const entryA = mapEntryValue(a, spec);
    const entryB = mapEntryValue(b, spec);
    if (a === undefined && b !== undefined) {
      emit({kind: 'added', path: itemPath(), field, after: entryB ?? b, ...sensitive()});
    } else if (b === undefined && a !== undefined) {
      emit({kind: 'removed', path: itemPath(), field, before: entryA ?? a, ...sensitive()});
    } else if (a !== undefined && b !== undefined) {
      if (entryA !== undefined && entryB !== undefined) {
        if (entryA !== entryB && !jsonEqual(entryA, entryB)) emit({kind: 'changed', path: itemPath(), field, before: entryA, after: entryB, ...sensitive()});
      } else if (a !== b) {
        diffValues(kind, a, b, itemPath(), field, emit, sensitive().sensitive === true);
      }
    }
  };
  for (const identity of now.keys()) visit(identity);
  for (const identity of old.keys()) if (!now.has(identity) && !renamedFrom.has(identity)) visit(identity);
}

/** `registry.hub.docker.com/library/nginx:1.27` → `registry.hub.docker.com/library/nginx` (tag and digest dropped). */
function imageRepository(item: JsonValue | undefined): string | undefined {
  if (!isJsonObject(item) || typeof item['image'] !== 'string') return undefined;
  const image = item['image'];
  const at = image.indexOf('@');
  const base = at >= 0 ? image.slice(0, at) : image;
  const colon = base.lastIndexOf(':');
  return colon > base.lastIndexOf('/') ? base.slice(0, colon) : base;
}

/**
 * A container whose name is derived from its tag (`${CONTAINER_NAME}`) is renamed by every new tag. Matching
 * containers by name alone would show it removed and added again; instead an unmatched container on each side
 * with the same image repository (and no other candidate) is the same container, renamed: new name → old name.
 */
function pairRenamedContainers(old: Map<string, JsonValue>, now: Map<string, JsonValue>): Map<string, string> {
  const pairs = new Map<string, string>();
  const gone = [...old.keys()].filter((identity) => !now.has(identity));
  const added = [...now.keys()].filter((identity) => !old.has(identity));
  for (const identity of added) {
    const repository = imageRepository(now.get(identity));
    if (repository === undefined) continue;
    const candidates = gone.filter((before) => imageRepository(old.get(before)) === repository);
    const rivals = added.filter((other) => imageRepository(now.get(other)) === repository);
    if (candidates.length === 1 && rivals.length === 1) pairs.set(identity, candidates[0]!);
  }
  return pairs;
}

function diffValues(
  kind: DocumentKind,
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  path: string,
  field: string,
  emit: Emit,
  sensitive = false,
): void {
  if (before === undefined && after === undefined) return;
  const flag = sensitive ? {sensitive: true} : {};
  // A keyed array or set that appears or disappears entirely is listed item by item (masking works per item).
  if ((before === undefined || after === undefined) && Array.isArray(before ?? after)) {
    const spec = arraySpec(kind, field);
    if (spec.kind !== 'ordered') {
      diffArrays(kind, Array.isArray(before) ? before : [], Array.isArray(after) ? after : [], path, field, spec, emit);
      return;
    }
  }
  if (before === undefined) {
    emit({kind: 'added', path, field, after: after as JsonValue, ...flag});
    return;
  }
  if (after === undefined) {
    emit({kind: 'removed', path, field, before, ...flag});
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    diffArrays(kind, before, after, path, field, arraySpec(kind, field), emit);
    return;
  }
  if (isJsonObject(before) && isJsonObject(after)) {
    const maskKeys = SENSITIVE_MAPS.has(field);
    const keys = [...Object.keys(after), ...Object.keys(before).filter((key) => !Object.hasOwn(after, key))];
    for (const key of keys) {
      const a = Object.hasOwn(before, key) ? before[key] : undefined;
      const b = Object.hasOwn(after, key) ? after[key] : undefined;
      diffValues(kind, a, b, joinPath(path, key), childField(field, key), emit, sensitive || (maskKeys && isSensitiveName(key)));
    }
    return;
  }
  if (!jsonEqual(before, after)) emit({kind: 'changed', path, field, before, after, ...flag});
}

/** Raw changes between two documents already in comparable form. */
function structuralChanges(kind: DocumentKind, desired: JsonObject, current: JsonObject): Omit<Change, 'impact'>[] {
  const changes: Omit<Change, 'impact'>[] = [];
  diffValues(kind, current, desired, '', '', (change) => changes.push(change));
  return changes;
}

const hasRevision = (ref: string): boolean => /:[0-9]+$/.test(ref);
const family = (ref: string): string => ref.replace(/:[0-9]+$/, '');

/** A diff of one document, both sides normalised first. `current` undefined = nothing exists (impact `create`). */
export function diffDocuments(kind: DocumentKind, desired: JsonObject, current: JsonObject | undefined): DiffResult {
  const normalise = kind === 'taskDefinition' ? normaliseTaskDefinition : normaliseService;
  const after = normalise(desired);
  const before = current === undefined ? {} : normalise(current);
  if (kind === 'service' && current !== undefined) {
    // The desired service may name only the family (or no task definition: the deploy sets the new revision);
    // the task definition diff says whether the revision changes.
    const wanted = after['taskDefinition'];
    const running = before['taskDefinition'];
    if (wanted === undefined) delete before['taskDefinition'];
    else if (typeof wanted === 'string' && typeof running === 'string' && !hasRevision(wanted) && family(running) === wanted) {
      before['taskDefinition'] = wanted;
    }
    // DescribeServices shows a launch type or a capacity provider strategy on every service today (a cluster's
    // default strategy is copied into the service). A service described with neither (records from before launch
    // types, the AWS CLI's describe-services example, emulators) is one ECS placed on EC2: so it reads against a
    // desired launch type.
    if (after['launchType'] !== undefined && before['launchType'] === undefined && before['capacityProviderStrategy'] === undefined) {
      before['launchType'] = 'EC2';
    }
  }
  const raw = structuralChanges(kind, after, before);
  if (current === undefined) {
    return {kind, impact: 'create', changes: raw.map((change) => ({...change, impact: 'create'}))};
  }
  const changes: Change[] = raw.map((change) => {
    if (kind === 'taskDefinition') return {...change, impact: 'new-revision'};
    const rule = serviceRule(change as Change, after, before);
    return {...change, impact: rule.impact, ...(rule.reason === undefined ? {} : {reason: rule.reason})};
  });
  return {kind, impact: maxImpact(...changes.map((change) => change.impact)), changes};
}

/** Desired (rendered) task definition against the current revision; undefined = none registered yet. */
export const diffTaskDefinitions = (desired: JsonObject, current: JsonObject | undefined): DiffResult => diffDocuments('taskDefinition', desired, current);

/** Desired (rendered) CreateService input against the DescribeServices service; undefined = no service yet. */
export const diffServices = (desired: JsonObject, current: JsonObject | undefined): DiffResult => diffDocuments('service', desired, current);

/**
 * The plan: both diffs and their greatest impact. A service that does not exist makes the plan `create`;
 * otherwise a changed (or first) task definition makes it at least `new-revision` (the service then moves
 * to that revision), and the service's own changes may raise it to `update-in-place` or `replace`.
 */
export function diffPlan(input: {
  taskDefinition: {desired: JsonObject; current: JsonObject | undefined};
  service: {desired: JsonObject; current: JsonObject | undefined};
}): PlanDiff {
  return planDiffOf(
    diffTaskDefinitions(input.taskDefinition.desired, input.taskDefinition.current),
    diffServices(input.service.desired, input.service.current),
  );
}

/** The plan of two diffs already made (a caller that diffed the task definition once reuses it). */
export function planDiffOf(taskDefinition: DiffResult, service: DiffResult): PlanDiff {
  const revision: Impact = taskDefinition.impact === 'create' ? 'new-revision' : taskDefinition.impact;
  return {taskDefinition, service, impact: maxImpact(revision, service.impact)};
}
