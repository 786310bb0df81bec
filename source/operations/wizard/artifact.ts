/** The artifact source the answers describe: where the image comes from, and whether pulling it needs credentials. Pure. */
import {formatImage} from '../../domain/image.js';
import type {ArtifactSource} from '../../domain/model.js';
import type {WizardAnswers} from '../../domain/wizard-answers.js';

/** Docker Hub's registry host, as the seed writes it (`registry.hub.docker.com/library/nginx:stable-perl`). */
export const DOCKER_HUB_HOST = 'registry.hub.docker.com';

/** The artifact source of the answers (undefined until registry and image are answered). */
export function artifactOf(answers: WizardAnswers): ArtifactSource | undefined {
  const {registry, image} = answers;
  if (registry === undefined || image === undefined) return undefined;
  const host = registry === 'dockerhub' ? DOCKER_HUB_HOST : answers.registryHost;
  if (host === undefined) return undefined;
  const artifact: ArtifactSource = {registry, host, image};
  if (answers.tag !== undefined) artifact.tag = answers.tag;
  if (registry === 'registry' && answers.registryUsername) artifact.username = answers.registryUsername;
  if (answers.artifactServer !== undefined) artifact.server = answers.artifactServer;
  return artifact;
}

export const imageLabel = (answers: WizardAnswers): string => {
  const artifact = artifactOf(answers);
  return artifact === undefined ? '' : formatImage(artifact, answers.tag);
};

/** Does the artifact need private registry authentication? (a private v2 registry that does not let anyone pull) */
export const needsRegistryAuth = (answers: WizardAnswers): boolean => answers.registry === 'registry' && answers.registryAnonymous !== true;
