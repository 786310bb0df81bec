import type {ArtifactSource} from '../domain/model.js';
import {CliError} from '../errors.js';

/**
 * A Docker registry, as the wizard (pick a tag) and the pre-flight checks (does the tag exist?) see it.
 * Implemented by adapters/registry/http.ts (Docker Registry HTTP API v2: Docker Hub and private registries),
 * adapters/aws/ecr.ts (ECR through the SDK) and adapters/registry/index.ts (chooses by artifact.registry).
 *
 * A registry being offline, asking for credentials or refusing them is a normal answer, not a crash:
 * `tagExists` never throws for it (it answers `unknown` with a reason: "could not check: <reason>"), and
 * `listTags` throws only RegistryError, whose message is that reason.
 */
export interface RegistryTag {
  tag: string;
  /**
   * ISO-8601: the date of the image the tag points at, when known — ECR's push date, Docker Hub's `last_updated`, a
   * v2 registry's image config `created` (read by `describeTags` / `datedTags`; `listTags` of a v2 registry has none).
   */
  pushedAt?: string;
  /** `sha256:…` of the manifest (or index) the tag points at now. */
  digest?: string;
  /**
   * `os/architecture[/variant]` the image is built for (`linux/arm64`): from the index / manifest list, else the
   * image config. Undefined when not read (or the registry does not say); never guessed.
   */
  platforms?: string[];
}

export interface TagList {
  tags: RegistryTag[];
  /**
   * True when `tags` is ordered newest first (ECR, by push date). False for v2 registries: their order is the
   * registry's (usually lexical) and says nothing about age.
   */
  newestFirst: boolean;
}

export interface RegistryCallOptions {
  /**
   * `datedTags` only: the tags wanted (the visible page, `tags --limit N`). Registries that list newest first
   * (Docker Hub's tag API, ECR) read no further than needed; details are read for these first tags only.
   */
  limit?: number;
  /**
   * Basic-auth password (or token) for `artifact.username`, from an environment variable or a prompt of the
   * caller. Used for this call only, never stored. Ignored for ECR (the AWS credentials are used).
   */
  password?: string;
  /** Cancels the call: it then rejects with the signal's reason (the only rejection of `tagExists`). */
  signal?: AbortSignal;
}

/** Why a registry could not answer. */
export type RegistryFailureKind =
  /** Cannot connect, DNS, TLS, timeout. */
  | 'unreachable'
  /** The registry wants credentials that were not given (or a token could not be obtained anonymously). */
  | 'auth-required'
  /** Credentials were given but refused, or they do not allow reading this repository. */
  | 'access-denied'
  /** The repository does not exist. */
  | 'not-found'
  | 'throttled'
  /** Anything else: an unexpected status or an answer that is not what the API documents. */
  | 'other';

export type TagCheck =
  | {status: 'exists'; digest?: string}
  /** `reason` says more when known, e.g. that the repository itself does not exist (ECR). */
  | {status: 'missing'; reason?: string}
  | {status: 'unknown'; kind: RegistryFailureKind; reason: string};

/** Whether a registry lets anyone pull, without credentials (the answer decides if tasks need repositoryCredentials). */
export type AccessCheck =
  /** `detail` says what was asked and what answered: "127.0.0.1:5000 answered GET /v2/ without credentials (HTTP 200)". */
  | {status: 'open'; detail: string}
  /** The registry asks for credentials; `reason` says how it said so. */
  | {status: 'closed'; reason: string}
  /** It could not be asked (offline, an unexpected answer). */
  | {status: 'unknown'; kind: RegistryFailureKind; reason: string};

/** A registry could not answer; the message is the reason, written for the user ("could not list tags: <message>"). */
export class RegistryError extends CliError {
  readonly kind: RegistryFailureKind;

  constructor(message: string, kind: RegistryFailureKind, options: {hint?: string; cause?: unknown} = {}) {
    super(message, options);
    this.name = 'RegistryError';
    this.kind = kind;
  }
}

export interface RegistryPort {
  /** Every tag of the artifact's repository (every page). Throws RegistryError only. */
  listTags(artifact: ArtifactSource, options?: RegistryCallOptions): Promise<TagList>;
  /**
   * Whether `tag` (a tag or a `sha256:…` digest) exists in the artifact's repository: `missing` only when the
   * registry says so (a repository that does not exist has no tags: missing); never throws for network or auth.
   */
  tagExists(artifact: ArtifactSource, tag: string, options?: RegistryCallOptions): Promise<TagCheck>;
  /**
   * Does the registry answer without credentials? `GET /v2/` with no Authorization answering 200 is `open`; a
   * bearer-token registry (401 on /v2/) is `open` when an anonymous token lets it list the artifact's tags. Never
   * throws but for the caller's signal. ECR is always `closed` (IAM authenticates every pull).
   */
  anonymousAccess(artifact: ArtifactSource, options?: Pick<RegistryCallOptions, 'signal'>): Promise<AccessCheck>;
  /**
   * The digest, date and platforms of these tags (the visible page of a picker, the tag a check looks at), read
   * once per program run (cached). A tag the registry does not have is left out. Throws RegistryError only.
   */
  describeTags(artifact: ArtifactSource, tags: readonly string[], options?: RegistryCallOptions): Promise<RegistryTag[]>;
  /**
   * The repository's tags newest first with their digest, date and platforms (`newestFirst` true): Docker Hub's tag
   * API, ECR's DescribeImages, a v2 registry's manifests (every tag must be read to order them: at most
   * DATED_TAGS_MAX; `truncated` says when more were left in name order at the end). Details are filled for the
   * first `options.limit` tags (all when no limit). Throws RegistryError only.
   */
  datedTags(artifact: ArtifactSource, options?: RegistryCallOptions): Promise<TagList & {truncated?: number}>;
}

/** A v2 registry's tags are ordered by reading each one's manifest and config: no more than this many. */
export const DATED_TAGS_MAX = 300;

/**
 * Newest first: by date (unknown dates last), then by name descending in natural order within one date (`1.10`
 * before `1.9`).
 */
export function compareNewestFirst(a: RegistryTag, b: RegistryTag): number {
  if (a.pushedAt !== undefined && b.pushedAt !== undefined && a.pushedAt !== b.pushedAt) return a.pushedAt < b.pushedAt ? 1 : -1;
  if ((a.pushedAt === undefined) !== (b.pushedAt === undefined)) return a.pushedAt === undefined ? 1 : -1;
  return NAME_ORDER.compare(b.tag, a.tag);
}

const NAME_ORDER = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});
