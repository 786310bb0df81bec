/**
 * Infrastructure provisioners (the seed's "ECS and Infrastructure Provisioners"): the outputs of a
 * CloudFormation stack or of a Terraform state file, from which the wizard fills an environment's cluster,
 * subnets, security groups and execution role.
 *
 * Implemented by adapters/aws/cloudformation.ts (DescribeStacks) and adapters/terraform-state.ts (a
 * `terraform.tfstate` file: `outputs.<name>.value`).
 */

/** Output values by name. Lists stay lists (Terraform); CloudFormation values are strings. */
export type ProvisionerOutputs = Record<string, string | string[]>;

export interface StackSummary {
  name: string;
  /** CREATE_COMPLETE, UPDATE_COMPLETE, … */
  status: string;
}

export interface CloudFormationPort {
  readonly region: string;
  /** Stacks that exist (not deleted), every page. */
  listStacks(): Promise<StackSummary[]>;
  /** The outputs of a stack (name or id); undefined when there is no such stack. */
  stackOutputs(stack: string): Promise<ProvisionerOutputs | undefined>;
}

export interface TerraformStatePort {
  /**
   * The outputs of a Terraform state file (format version 4): `outputs.<name>.value`, strings and numbers as
   * strings, lists of strings as lists. Throws InputError when the file cannot be read or is not a state file.
   */
  readOutputs(path: string): Promise<ProvisionerOutputs>;
  /** The absolute path of a state file named relative to the working folder (what a profile records). */
  locate(path: string): string;
}
