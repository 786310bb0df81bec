/**
 * The RegistryPort the application uses: ECR artifacts go through the AWS SDK (adapters/aws/ecr.ts), every other
 * registry (Docker Hub, private v2 registries) through the HTTP API v2 (http.ts).
 */
import {inferRegistryKind} from '../../domain/image.js';
import type {ArtifactSource} from '../../domain/model.js';
import type {RegistryPort} from '../../ports/registry.js';
import type {AwsClientFactory} from '../aws/client-factory.js';
import {createEcrRegistryPort} from '../aws/ecr.js';
import {createHttpRegistryPort, type HttpRegistryOptions} from './http.js';

export interface RegistryPortOptions extends HttpRegistryOptions {
  /** The AWS client factory, asked for only when an ECR artifact is looked at. */
  aws: () => AwsClientFactory | Promise<AwsClientFactory>;
}

export const isEcrArtifact = (artifact: ArtifactSource): boolean => artifact.registry === 'ecr' || inferRegistryKind(artifact.host) === 'ecr';

export function createRegistryPort(options: RegistryPortOptions): RegistryPort {
  const {aws, ...httpOptions} = options;
  const http = createHttpRegistryPort(httpOptions);
  let ecr: RegistryPort | undefined;
  const choose = (artifact: ArtifactSource): RegistryPort => {
    if (!isEcrArtifact(artifact)) return http;
    ecr ??= createEcrRegistryPort(aws);
    return ecr;
  };
  return {
    listTags: (artifact, callOptions) => choose(artifact).listTags(artifact, callOptions),
    tagExists: (artifact, tag, callOptions) => choose(artifact).tagExists(artifact, tag, callOptions),
    anonymousAccess: (artifact, callOptions) => choose(artifact).anonymousAccess(artifact, callOptions),
    describeTags: (artifact, tags, callOptions) => choose(artifact).describeTags(artifact, tags, callOptions),
    datedTags: (artifact, callOptions) => choose(artifact).datedTags(artifact, callOptions),
  };
}
