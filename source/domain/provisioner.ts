/** An environment's infrastructure provisioner (model.ts `EnvironmentProvisioner`) as a person reads it. Pure. */
import type {EnvironmentProvisioner} from './model.js';

/** `CloudFormation stack network (us-east-1)`, `Terraform state /srv/infra/terraform.tfstate`. */
export const describeProvisioner = (provisioner: EnvironmentProvisioner): string =>
  provisioner.kind === 'cloudformation' ? `CloudFormation stack ${provisioner.stack} (${provisioner.region})` : `Terraform state ${provisioner.path}`;
