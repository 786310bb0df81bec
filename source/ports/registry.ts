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
  /** ISO-8601; known for ECR, not for v2 registries (the API does not give it). */
  pushedAt?: string;
  /** `sha256:…` of the manifest, when the registry gives it with the list (ECR). */
  digest?: string;
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
}
