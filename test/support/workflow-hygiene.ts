import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readRepository } from '../../scripts/repository.ts';

/** The repository's workflows and its examples, relative to root. */
export function workflowFiles(root: string): string[] {
  return ['.github/workflows', 'examples']
    .flatMap((folder) => readdirSync(join(root, folder)).map((name) => `${folder}/${name}`))
    .filter((file) => file.endsWith('.yml'));
}

/**
 * Every `uses:` that is not pinned by a 40-hex commit SHA with its version in a comment. The action's own
 * references (`./` and package.json's owner/name) are exempt: they are what a release publishes.
 */
export function unpinnedActions(root: string): string[] {
  const { owner, name } = readRepository(root);
  const own = (action: string) =>
    action.startsWith('./') || action.startsWith(`${owner}/${name}@`) || action.startsWith(`${owner}/${name}/`);
  return workflowFiles(root).flatMap((file) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(/uses: (\S+)(.*)/g)]
      .filter(([, action]) => !own(action as string))
      .filter(
        ([, action, comment]) =>
          !/@[0-9a-f]{40}$/.test(action as string) || !/# v\d+\.\d+\.\d+/.test(comment as string),
      )
      .map(([, action]) => `${file}: ${action}`),
  );
}

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Workflow = {
  permissions?: unknown;
  jobs: Record<string, { permissions?: unknown; uses?: string; steps?: Step[] }>;
};

/** Workflows whose top-level permissions are not `{}`: a job that needs more asks for it itself. */
export function broadPermissions(root: string, files = workflowFiles(root)): string[] {
  return files.filter(
    (file) => JSON.stringify((parse(readFileSync(join(root, file), 'utf8')) as Workflow).permissions) !== '{}',
  );
}

/** Steps that run third-party code (an action not the repository's own, or a run: script) after a step with export-env: true. */
export function thirdPartyAfterExportEnv(root: string, files = workflowFiles(root)): string[] {
  const { owner, name } = readRepository(root);
  return files.flatMap((file) =>
    Object.entries((parse(readFileSync(join(root, file), 'utf8')) as Workflow).jobs).flatMap(
      ([job, { steps = [] }]) => {
        const exported = steps.findIndex((step) => String(step.with?.['export-env']) === 'true');
        if (exported === -1) return [];
        return steps
          .slice(exported + 1)
          .filter(
            (step) =>
              step.uses !== undefined && !step.uses.startsWith(`${owner}/${name}`) && !step.uses.startsWith('./'),
          )
          .map((step) => `${file} (${job}): ${step.uses}`);
      },
    ),
  );
}
