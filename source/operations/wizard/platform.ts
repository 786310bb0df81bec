/**
 * The platform check of `init` and the wizard's review: the image at the profile's tag is read once (its index or
 * config: the registry's describeTags) and compared with the platform each environment's tasks run on
 * (runtimePlatform; Fargate's default linux/amd64). A mismatch is refused with the fix named; what cannot be known
 * (the registry unreachable, EC2 without runtimePlatform — the cluster's instances are read by verify and deploy)
 * is a note, not a refusal.
 */
import {formatImage} from '../../domain/image.js';
import type {Profile} from '../../domain/model.js';
import {comparePlatforms, taskPlatform} from '../../domain/platforms.js';
import {renderDeployInputs} from '../deploy/deploy-inputs.js';
import type {WizardServices} from './services.js';

export interface PlatformFindings {
  /** Refusals: the image has no build for an environment's platform. */
  mismatches: Array<{environment: string; message: string; fix: string}>;
  /** What could not be checked, and why. */
  notes: string[];
}

export async function platformFindings(services: Pick<WizardServices, 'tagDetails' | 'registryPassword'>, profile: Profile): Promise<PlatformFindings> {
  const findings: PlatformFindings = {mismatches: [], notes: []};
  const artifact = profile.service.artifact;
  const tag = artifact.tag;
  if (tag === undefined || tag === '') return findings;
  const image = formatImage(artifact, tag);
  const tasks: Array<{environment: string; platform: ReturnType<typeof taskPlatform>}> = [];
  for (const environment of profile.environments) {
    try {
      const inputs = renderDeployInputs({profile, environment, allowIncompleteService: true});
      tasks.push({environment: environment.name, platform: taskPlatform(inputs.taskDefinition, environment.launchType)});
    } catch {
      // A profile that does not render is refused for that already.
    }
  }
  if (tasks.length === 0) return findings;
  const details = await services.tagDetails(artifact, tag, services.registryPassword());
  if (details.status === 'unknown') {
    findings.notes.push(`platform: not checked: could not read the platforms of ${image} (${details.reason})`);
    return findings;
  }
  if (details.status === 'missing') {
    findings.notes.push(`platform: not checked: the registry has no tag ${tag} in ${artifact.image}`);
    return findings;
  }
  const platforms = details.value.platforms;
  if (platforms === undefined || platforms.length === 0) {
    findings.notes.push(`platform: not checked: the registry does not say which platforms ${image} is built for`);
    return findings;
  }
  for (const {environment, platform} of tasks) {
    if (platform === undefined) {
      findings.notes.push(
        `platform: environment ${environment} runs on EC2 without runtimePlatform.cpuArchitecture: ${image} (${platforms.join(', ')}) is checked against the cluster's instances by verify and deploy`,
      );
      continue;
    }
    const verdict = comparePlatforms(platforms, platform);
    if (verdict.status === 'mismatch') {
      findings.mismatches.push({
        environment,
        message: `${image} is built for ${platforms.join(', ')} only, but environment ${environment}'s tasks run on ${platform.platform} (${platform.source})`,
        fix: verdict.fix,
      });
    }
  }
  return findings;
}
