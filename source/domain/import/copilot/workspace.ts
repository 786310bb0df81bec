/**
 * A Copilot workspace's files → the migration plan: `.workspace` (the application), every environment manifest and
 * every service manifest, parsed with their positions; a YAML error stops it with `file:line:column`.
 */
import {planService, type CopilotAwsState, type CopilotMigration, type CopilotWorkspace} from './build.js';
import {readEnvironmentManifest, readServiceManifest, workspaceApplication, type CopilotNote} from './manifest.js';
import {parseYaml, type YamlProblem} from './yaml.js';

export interface CopilotFile {
  /** As the report names it: `copilot/api/manifest.yml`. */
  file: string;
  /** The folder it is in: the service's or the environment's name. */
  folder: string;
  text: string;
}

export interface CopilotFiles {
  workspace: CopilotFile | undefined;
  services: CopilotFile[];
  environments: CopilotFile[];
}

export type WorkspaceResult = {ok: true; workspace: CopilotWorkspace; notes: CopilotNote[]} | {ok: false; problems: Array<YamlProblem | {message: string}>};

/** Reads every file; every YAML error is returned (nothing is planned when there is one). */
export function readWorkspace(files: CopilotFiles): WorkspaceResult {
  const problems: Array<YamlProblem | {message: string}> = [];
  let application: string | undefined;
  if (files.workspace === undefined) {
    problems.push({message: 'no copilot/.workspace file: it names the application (run from the repository that holds the copilot/ folder)'});
  } else {
    const parsed = parseYaml(files.workspace.file, files.workspace.text);
    if (!parsed.ok) problems.push(parsed.problem);
    else {
      application = workspaceApplication(parsed.root);
      if (application === undefined || application.trim() === '')
        problems.push({at: {file: files.workspace.file, line: 1, column: 1}, message: 'application: missing (the application name)'});
    }
  }
  const environments = files.environments.flatMap((file) => {
    const parsed = parseYaml(file.file, file.text);
    if (!parsed.ok) {
      problems.push(parsed.problem);
      return [];
    }
    return [readEnvironmentManifest(file.file, file.folder, parsed.root)];
  });
  const services = files.services.flatMap((file) => {
    const parsed = parseYaml(file.file, file.text);
    if (!parsed.ok) {
      problems.push(parsed.problem);
      return [];
    }
    return [readServiceManifest(file.file, file.folder, parsed.root)];
  });
  if (problems.length > 0 || application === undefined) return {ok: false, problems};
  return {ok: true, workspace: {application, environments, services}, notes: environments.flatMap((environment) => environment.notes)};
}

/** The plan of the whole migration: one entry per service manifest (a profile for each ECS service). */
export function planMigration(
  read: {workspace: CopilotWorkspace; notes: CopilotNote[]},
  options: {region?: string; now: string; aws?: CopilotAwsState; environmentRegions?: Readonly<Record<string, string>>},
): CopilotMigration {
  const {workspace} = read;
  return {
    application: workspace.application,
    environments: workspace.environments.map((environment) => environment.name),
    networks: workspace.environments.map(({name, file, vpcId, publicSubnets, privateSubnets}) => ({
      name,
      file,
      ...(vpcId === undefined ? {} : {vpcId}),
      publicSubnets,
      privateSubnets,
    })),
    services: workspace.services.map((manifest) => planService(workspace, manifest, options)),
    notes: read.notes,
  };
}
