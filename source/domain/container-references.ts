/**
 * What refers to the artifact container by name, kept in step with its name in the same render.
 *
 * The setup guide derives `${CONTAINER_NAME}` from the image path and tag (`library/nginx:stable-perl` →
 * `library_nginx_stable-perl`), so every tag renames the container — unless the service names it (a stable
 * name, `Service.containerName`). Whatever it is called in this render, what refers to it follows: references
 * written `${CONTAINER_NAME}` by substitution, and references written as a name derived for another tag (pasted
 * from a describe output, or written before a stable name was chosen) here —
 * - in the task definition: other containers' `dependsOn[].containerName`, `links` (`name[:alias]`),
 *   `volumesFrom[].sourceContainer`, `proxyConfiguration.containerName` (App Mesh), and FireLens: the log router
 *   tags a container's logs `<name>-firelens-<task id>`, so `<name>-firelens` in any container's
 *   `logConfiguration.options` or `firelensConfiguration.options` (a `Match` pattern);
 * - in the service: `serviceRegistries[].containerName` (Cloud Map) and `loadBalancers[].containerName`.
 *
 * Only when `${CONTAINER_NAME}` names a container of the rendered task definition (the spec uses it for the
 * artifact's container); a name that is another container's is never touched. Each change is an info issue. Pure.
 */
import type {Issue, IssueSource} from './issues.js';
import type {JsonObject, JsonValue} from './json.js';
import {isJsonObject} from './json.js';
import {getMember, joinPath, setMember} from './json-text.js';
import {deriveContainerName} from './image.js';
import {CONTAINER_NAME} from './placeholders.js';

export interface ArtifactNaming {
  /** The artifact container's name in this render. */
  name: string;
  /** What every name derived for this image starts with: `library_nginx_`. */
  derivedPrefix: string;
  /** The names of the task definition's containers. */
  containers: ReadonlySet<string>;
}

/** How the artifact container is named in a rendered task definition, when `${CONTAINER_NAME}` (`name`) names one of its containers. */
export function artifactNaming(task: JsonObject | undefined, name: string | undefined, image: string): ArtifactNaming | undefined {
  if (task === undefined || name === undefined) return undefined;
  const list = getMember(task, 'containerDefinitions');
  const containers = new Set(
    (Array.isArray(list) ? list : []).flatMap((container) => {
      const each = isJsonObject(container) ? getMember(container, 'name') : undefined;
      return typeof each === 'string' ? [each] : [];
    }),
  );
  if (!containers.has(name)) return undefined;
  return {name, derivedPrefix: `${deriveContainerName(image)}_`, containers};
}

/** A reference that means the artifact container under a name derived for another tag. */
const follows = (naming: ArtifactNaming, reference: JsonValue | undefined): reference is string =>
  typeof reference === 'string' && reference !== naming.name && !naming.containers.has(reference) && reference.startsWith(naming.derivedPrefix);

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function note(source: IssueSource, path: string, from: string, to: string): Issue {
  return {
    code: 'container-name-follows',
    severity: 'info',
    source,
    path,
    message: `"${from}" names the artifact container as it was called for another tag: it follows the container's name "${to}"`,
    fix: `Write ${CONTAINER_NAME} there`,
  };
}

/** `object[key]` (a reference) follows the name; an issue says so. */
function followMember(object: JsonObject, key: string, path: string, naming: ArtifactNaming, source: IssueSource, issues: Issue[]): void {
  const reference = getMember(object, key);
  if (!follows(naming, reference)) return;
  setMember(object, key, naming.name);
  issues.push(note(source, joinPath(path, key), reference, naming.name));
}

function followList(container: JsonObject, list: string, key: string, path: string, naming: ArtifactNaming, issues: Issue[]): void {
  const items = getMember(container, list);
  (Array.isArray(items) ? items : []).forEach((item, index) => {
    if (isJsonObject(item)) followMember(item, key, joinPath(joinPath(path, list), index), naming, 'containerSpec', issues);
  });
}

/** `<old name>-firelens` in the string values of an options map → `<name>-firelens`. */
function followFirelens(options: JsonValue | undefined, path: string, naming: ArtifactNaming, issues: Issue[]): void {
  if (!isJsonObject(options)) return;
  const pattern = new RegExp(`(?<![A-Za-z0-9_-])${escape(naming.derivedPrefix)}[A-Za-z0-9_.-]*?(?=-firelens)`, 'g');
  for (const key of Object.keys(options)) {
    const value = getMember(options, key);
    if (typeof value !== 'string') continue;
    const found = [...value.matchAll(pattern)].map((match) => match[0]).filter((name) => follows(naming, name));
    if (found.length === 0) continue;
    setMember(
      options,
      key,
      value.replace(pattern, (name) => (follows(naming, name) ? naming.name : name)),
    );
    issues.push(note('containerSpec', joinPath(path, key), `${found[0]}-firelens`, `${naming.name}-firelens`));
  }
}

/** The task definition's references to the artifact container follow its name (in place: a rendered copy). */
export function followInTaskDefinition(task: JsonObject, naming: ArtifactNaming): Issue[] {
  const issues: Issue[] = [];
  const containers = getMember(task, 'containerDefinitions');
  (Array.isArray(containers) ? containers : []).forEach((container, index) => {
    if (!isJsonObject(container)) return;
    const path = joinPath('containerDefinitions', index);
    followList(container, 'dependsOn', 'containerName', path, naming, issues);
    followList(container, 'volumesFrom', 'sourceContainer', path, naming, issues);
    const links = getMember(container, 'links');
    if (Array.isArray(links)) {
      links.forEach((link, linkIndex) => {
        if (typeof link !== 'string') return;
        const [name = '', ...alias] = link.split(':');
        if (!follows(naming, name)) return;
        links[linkIndex] = [naming.name, ...alias].join(':');
        issues.push(note('containerSpec', joinPath(joinPath(path, 'links'), linkIndex), name, naming.name));
      });
    }
    const logging = getMember(container, 'logConfiguration');
    if (isJsonObject(logging)) followFirelens(getMember(logging, 'options'), joinPath(joinPath(path, 'logConfiguration'), 'options'), naming, issues);
    const firelens = getMember(container, 'firelensConfiguration');
    if (isJsonObject(firelens)) followFirelens(getMember(firelens, 'options'), joinPath(joinPath(path, 'firelensConfiguration'), 'options'), naming, issues);
  });
  const proxy = getMember(task, 'proxyConfiguration');
  if (isJsonObject(proxy)) followMember(proxy, 'containerName', 'proxyConfiguration', naming, 'containerSpec', issues);
  return issues;
}

/** The service's references to the artifact container (Cloud Map, load balancers) follow its name (in place). */
export function followInService(service: JsonObject, naming: ArtifactNaming): Issue[] {
  const issues: Issue[] = [];
  for (const list of ['serviceRegistries', 'loadBalancers']) {
    const items = getMember(service, list);
    (Array.isArray(items) ? items : []).forEach((item, index) => {
      if (isJsonObject(item)) followMember(item, 'containerName', joinPath(list, index), naming, 'serviceSpec', issues);
    });
  }
  return issues;
}
