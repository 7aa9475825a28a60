// One owner everywhere, and the release checks: scripts/repository.ts, scripts/set-owner.ts, scripts/release.ts.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  changelogProblems,
  commitIsOnBranch,
  INSTALL_PAGES,
  latestDate,
  majorTag,
  npmTooOld,
  releaseNotes,
  releaseProblems,
  staleInstallUrls,
} from '../../scripts/release.ts';
import {
  findReferences,
  packageName,
  packagePattern,
  readRepository,
  referencePattern,
  rewriteOwner,
} from '../../scripts/repository.ts';
import { rewriteCodeOwner, setOwner } from '../../scripts/set-owner.ts';
import { markdownFiles } from '../support/markdown.ts';
import { ROOT } from '../support/paths.ts';
import { unpinnedActions } from '../support/workflow-hygiene.ts';

const temps: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** The repository's own files, without dependencies and builds, in a temporary folder. */
function copyOfRepository(): string {
  const dir = tempDir('coze-repo-');
  cpSync(ROOT, dir, {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|\.git|dist|build|reports)$/.test(source),
  });
  return dir;
}

describe('one owner, one place', () => {
  const { owner, name } = readRepository(ROOT);

  it('package.json names the repository', () => {
    expect(name).toBe('coze-token-action');
    expect(owner).toMatch(/^[A-Za-z0-9-]+$/);
  });

  it('every reference to the action in the repository names the owner package.json names', () => {
    const references = findReferences(ROOT, name);
    expect(references.map((r) => r.file)).toEqual(
      expect.arrayContaining([
        '.github/workflows/coze-token-check.yml',
        'README.md',
        'examples/scheduled-check.yml',
        'package.json',
      ]),
    );
    expect(references.filter((r) => r.owner !== (r.kind === 'package' ? owner.toLowerCase() : owner))).toEqual([]);
    expect(references.filter((r) => r.kind === 'package').map((r) => r.file)).toContain('package.json');
  });

  it('package.json names the npm package by the owner: @owner/coze-token-action, in lower case', () => {
    const { name: npmName } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string };
    expect(npmName).toBe(packageName({ owner, name }));
    expect(packageName({ owner: 'Acme-Bots', name })).toBe('@acme-bots/coze-token-action');
  });

  it('the reusable workflow calls the action of the repository it ships in', () => {
    const workflow = readFileSync(join(ROOT, '.github/workflows/coze-token-check.yml'), 'utf8');
    expect(workflow).toContain(`uses: ${owner}/${name}@v`);
  });

  it('finds references with a ref or to the reusable workflow, not paths that end in the name', () => {
    const owners = (text: string) => [...text.matchAll(referencePattern('coze-token-action'))].map((m) => m[1]);
    expect(owners('uses: acme/coze-token-action@v1')).toEqual(['acme']);
    expect(owners('uses: acme/coze-token-action/.github/workflows/coze-token-check.yml@v1')).toEqual(['acme']);
    expect(owners('"repository": "github:acme/coze-token-action"')).toEqual(['acme']);
    expect(owners('https://github.com/acme/coze-token-action/releases/tag/v1.0.0')).toEqual(['acme']);
    expect(owners('node /tmp/coze-token-action/dist/cli/index.js')).toEqual([]);
    expect(owners('cd coze-token-action && npm ci')).toEqual([]);
  });

  it('finds a reference whatever character follows it, but not a longer name', () => {
    const owners = (text: string) => [...text.matchAll(referencePattern('coze-token-action'))].map((m) => m[1]);
    // SECURITY.md: the command in backticks.
    expect(owners('`gh attestation verify dist/index.js --repo acme/coze-token-action` (README)')).toEqual(['acme']);
    for (const after of ['`', '.', ',', ';', '!', '>', '#readme', '.git', '"', '*', '|', '\\'])
      expect(owners(`see acme/coze-token-action${after}`), after).toEqual(['acme']);
    expect(owners('git+https://github.com/acme/coze-token-action.git')).toEqual(['acme']);
    for (const longer of [
      'acme/coze-token-action-two',
      'acme/coze-token-action2',
      'acme/coze-token-action_x',
      'acme/coze-token-action.tgz',
    ])
      expect(owners(longer), longer).toEqual([]);
  });

  it('finds the npm package by its scope, whatever follows it, and not a scope of another name', () => {
    const scopes = (text: string) => [...text.matchAll(packagePattern('coze-token-action'))].map((m) => m[1]);
    expect(scopes('"name": "@acme/coze-token-action",')).toEqual(['acme']);
    expect(scopes('npx @acme/coze-token-action check')).toEqual(['acme']);
    expect(scopes('npm install @acme/coze-token-action@1.0.0')).toEqual(['acme']);
    expect(scopes("require('@acme/coze-token-action')")).toEqual(['acme']);
    expect(scopes('`npm install @acme/coze-token-action`.')).toEqual(['acme']);
    expect(scopes('@acme/coze-token-action-two, x@acme/coze-token-action, @acme/coze-token-actions')).toEqual([]);
  });

  it('rewrites both, the scope in lower case, and only the owner', () => {
    const text = [
      'on a checkout of the tag: `gh attestation verify dist/index.js --repo org/coze-token-action` (README)',
      'npx @org/coze-token-action check; uses: org/coze-token-action@v1.',
      'https://github.com/org/coze-token-action.git and org/coze-token-action-two and /tmp/coze-token-action',
    ].join('\n');
    expect(rewriteOwner(text, 'coze-token-action', 'Acme-Bots')).toBe(
      [
        'on a checkout of the tag: `gh attestation verify dist/index.js --repo Acme-Bots/coze-token-action` (README)',
        'npx @acme-bots/coze-token-action check; uses: Acme-Bots/coze-token-action@v1.',
        'https://github.com/Acme-Bots/coze-token-action.git and org/coze-token-action-two and /tmp/coze-token-action',
      ].join('\n'),
    );
  });

  it('set-owner rewrites every reference, package.json included, and nothing else', () => {
    const copy = copyOfRepository();
    const readmeBefore = readFileSync(join(copy, 'README.md'), 'utf8');
    const changed = setOwner(copy, 'acme-bots');
    expect(changed).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        '.github/workflows/coze-token-check.yml',
        '.github/CODEOWNERS',
      ]),
    );
    expect(readFileSync(join(copy, '.github/CODEOWNERS'), 'utf8')).toMatch(/^\* @acme-bots$/m);
    expect(readRepository(copy)).toEqual({ owner: 'acme-bots', name });
    expect(JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')).name).toBe('@acme-bots/coze-token-action');
    const lock = JSON.parse(readFileSync(join(copy, 'package-lock.json'), 'utf8'));
    expect([lock.name, lock.packages[''].name]).toEqual([
      '@acme-bots/coze-token-action',
      '@acme-bots/coze-token-action',
    ]);
    expect(changed).toContain('package-lock.json');
    const references = findReferences(copy, name);
    expect(references.length).toBe(findReferences(ROOT, name).length);
    expect(references.every((r) => r.owner === 'acme-bots')).toBe(true);
    const readmeAfter = readFileSync(join(copy, 'README.md'), 'utf8');
    expect(readmeAfter.replaceAll('acme-bots/coze-token-action', `${owner}/coze-token-action`)).toBe(readmeBefore);
    expect(readFileSync(join(copy, 'SECURITY.md'), 'utf8')).not.toMatch(new RegExp(`\\b${owner}/coze-token-action`));
    expect(setOwner(copy, 'acme-bots')).toEqual([]);
    // The workflow checks hold for the new owner too: its own action stays exempt from SHA pins.
    expect(unpinnedActions(copy)).toEqual([]);
  });

  it('CODEOWNERS names the owner package.json names, and only @owner is rewritten there', () => {
    expect(readFileSync(join(ROOT, '.github/CODEOWNERS'), 'utf8')).toMatch(new RegExp(`^\\* @${owner}$`, 'm'));
    expect(rewriteCodeOwner('* @org\n/src/ @org/reviewers @orgone\n', 'org', 'acme')).toBe(
      '* @acme\n/src/ @acme/reviewers @orgone\n',
    );
  });

  it('set-owner refuses what is not a GitHub account name', () => {
    const copy = copyOfRepository();
    for (const bad of ['', '-acme', 'acme-', 'a--b', 'acme/evil', 'x'.repeat(40)])
      expect(() => setOwner(copy, bad)).toThrow(/not a GitHub account name/);
  });
});

describe('release checks', () => {
  const changelog = [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '## [1.2.3] - 2026-11-25',
    '',
    '### Added',
    '',
    '- a thing',
    '',
  ].join('\n');
  const installPage =
    'npm install -g https://github.com/acme/coze-token-action/releases/download/v1.2.3/coze-token-action-1.2.3.tgz\n';
  const facts = {
    tag: 'v1.2.3',
    version: '1.2.3',
    expectedRepository: 'acme/coze-token-action',
    packageName: '@acme/coze-token-action',
    repository: 'acme/coze-token-action',
    onMain: true,
    changelog,
    installPages: { 'docs/cli-and-library.md': installPage, 'SECURITY.md': installPage },
    today: '2026-11-25',
  };

  it('lets a tag of the version, in the named repository, on main, through', () => {
    expect(releaseProblems(facts)).toEqual([]);
  });

  it("refuses a repository spelt in another case than package.json's, which npm's provenance check would refuse after the release", () => {
    expect(releaseProblems({ ...facts, repository: 'ACME/coze-token-action' })).toEqual([
      'this repository is spelt ACME/coze-token-action, but package.json spells it acme/coze-token-action, and npm takes the provenance only when they match exactly: run npm run set-owner -- ACME and commit',
    ]);
  });

  it('refuses a tag that is not the version, or not vX.Y.Z', () => {
    expect(releaseProblems({ ...facts, tag: 'v1.2.4' })).toEqual([
      expect.stringMatching(/^the tag v1\.2\.4 is not package\.json's version \(v1\.2\.3\)/),
    ]);
    expect(releaseProblems({ ...facts, tag: '1.2.3' })).toEqual(['the tag 1.2.3 is not vX.Y.Z']);
    expect(releaseProblems({ ...facts, tag: 'v1.2.3-rc.1' })).toEqual(['the tag v1.2.3-rc.1 is not vX.Y.Z']);
  });

  it('refuses to ship the placeholder owner, or any owner but this repository’s', () => {
    const problems = releaseProblems({
      ...facts,
      expectedRepository: 'org/coze-token-action',
      packageName: '@org/coze-token-action',
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^this repository is acme\/coze-token-action, but package\.json names org\/coze-token-action: run npm run set-owner -- acme/,
      ),
    ]);
    expect(releaseProblems({ ...facts, repository: '' })).toEqual([
      expect.stringMatching(/^this repository is \(unknown\).*set-owner -- <owner>/),
    ]);
  });

  it('refuses an npm package name that is not @owner/coze-token-action, the owner in lower case', () => {
    for (const packageName of ['coze-token-action', '@org/coze-token-action', '@Acme/coze-token-action']) {
      expect(releaseProblems({ ...facts, packageName }), packageName).toEqual([
        `package.json names the npm package ${packageName}, but its repository acme/coze-token-action publishes @acme/coze-token-action: run npm run set-owner -- acme and commit`,
      ]);
    }
    expect(
      releaseProblems({ ...facts, expectedRepository: 'Acme/coze-token-action', repository: 'Acme/coze-token-action' }),
    ).toEqual([]);
  });

  it('refuses a commit that is not on main', () => {
    expect(releaseProblems({ ...facts, onMain: false })).toEqual([
      'the tagged commit is not on main: releases are cut from main only',
    ]);
  });

  it('refuses while CHANGELOG.md holds entries under Unreleased, so the release notes carry all the work', () => {
    const pending = changelog.replace('## [Unreleased]\n', '## [Unreleased]\n\n### Fixed\n\n- a fix\n');
    expect(releaseProblems({ ...facts, changelog: pending })).toEqual([
      'CHANGELOG.md holds entries under Unreleased: move them into the 1.2.3 section, so its release notes carry them',
    ]);
    // Headings alone are not entries.
    expect(
      changelogProblems(changelog.replace('## [Unreleased]\n', '## [Unreleased]\n\n### Added\n'), '1.2.3', facts.today),
    ).toEqual([]);
  });

  it('refuses a version whose section is missing, undated, dated later than today, or empty', () => {
    const problems = (text: string, today = facts.today) => changelogProblems(text, '1.2.3', today);
    expect(problems(changelog.replace('## [1.2.3] - 2026-11-25', '## [1.2.2] - 2026-11-25'))).toEqual([
      'CHANGELOG.md has no section for 1.2.3: add "## [1.2.3] - YYYY-MM-DD"',
    ]);
    for (const heading of [
      '## [1.2.3]',
      '## [1.2.3] - unreleased',
      '## [1.2.3] - 2026-02-30',
      '## [1.2.3] - 25.11.2026',
    ]) {
      expect(problems(changelog.replace('## [1.2.3] - 2026-11-25', heading)), heading).toEqual([
        `CHANGELOG.md's section for 1.2.3 is not dated: set its heading to "## [1.2.3] - YYYY-MM-DD", the day you tag it`,
      ]);
    }
    expect(problems(changelog, '2026-11-24')).toEqual([
      'CHANGELOG.md dates 1.2.3 2026-11-25, which is still to come: date it the day you tag it',
    ]);
    expect(problems(changelog, '2027-01-01')).toEqual([]);
    expect(
      problems('## [1.2.3] - 2026-11-25\n\n[1.2.3]: https://github.com/acme/coze-token-action/releases/tag/v1.2.3\n'),
    ).toEqual(["CHANGELOG.md's section for 1.2.3 is empty"]);
  });

  it('takes today where it is latest, so a date in any time zone is not in the future', () => {
    expect(latestDate(new Date('2026-11-25T09:59:59Z'))).toBe('2026-11-25');
    expect(latestDate(new Date('2026-11-25T10:00:00Z'))).toBe('2026-11-26');
  });

  it('refuses install URLs of another version, naming the page', () => {
    const old = installPage.replaceAll('1.2.3', '1.2.2');
    expect(staleInstallUrls(old, '1.2.3')).toEqual([
      'https://github.com/acme/coze-token-action/releases/download/v1.2.2/coze-token-action-1.2.2.tgz',
    ]);
    expect(staleInstallUrls(installPage.replace('-1.2.3.tgz', '-1.2.2.tgz'), '1.2.3')).toHaveLength(1);
    expect(releaseProblems({ ...facts, installPages: { ...facts.installPages, 'SECURITY.md': old } })).toEqual([
      'SECURITY.md installs another version than 1.2.3: https://github.com/acme/coze-token-action/releases/download/v1.2.2/coze-token-action-1.2.2.tgz',
    ]);
  });

  it("this repository's CHANGELOG.md and install pages agree with package.json's version: only the date is left to set", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const text = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    const today = latestDate(new Date());
    expect(changelogProblems(text, version, today).filter((problem) => !problem.includes('is not dated'))).toEqual([]);
    const dated = text.replace(
      new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\].*$`, 'm'),
      `## [${version}] - ${today}`,
    );
    expect(changelogProblems(dated, version, today)).toEqual([]);
    for (const page of INSTALL_PAGES) {
      const text = readFileSync(join(ROOT, page), 'utf8');
      expect(text.match(/\S+\/releases\/download\/\S+\.tgz/g) ?? [], page).not.toEqual([]);
      expect(staleInstallUrls(text, version), page).toEqual([]);
    }
    // No other page gives the tarball's URL, where a new version would leave it behind.
    const elsewhere = markdownFiles(ROOT).filter(
      (file) =>
        !INSTALL_PAGES.includes(file) &&
        /https:\/\/github\.com\/\S+\/releases\/download\/\S+\.tgz/.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(elsewhere).toEqual([]);
  });

  it('tells whether a commit is on main, from git', () => {
    const repo = tempDir('coze-git-');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '--allow-empty', '-m', 'on main');
    const onMain = git('rev-parse', 'HEAD');
    git('checkout', '-q', '-b', 'topic');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '--allow-empty', '-m', 'off main');
    const offMain = git('rev-parse', 'HEAD');
    git('update-ref', 'refs/remotes/origin/main', onMain);
    expect(commitIsOnBranch(repo, onMain, 'main')).toBe(true);
    expect(commitIsOnBranch(repo, offMain, 'main')).toBe(false);
    expect(commitIsOnBranch(repo, onMain, 'no-such-branch')).toBe(false);
  });

  it("takes the release notes from that version's CHANGELOG section", () => {
    const changelog = [
      '# Changelog',
      '',
      '## [Unreleased]',
      '',
      '- next',
      '',
      '## [1.2.3] - 2026-11-25',
      '',
      '### Added',
      '- a thing',
      '',
      '## [1.2.2] - 2026-10-01',
      '- older',
    ].join('\n');
    expect(releaseNotes(changelog, '1.2.3')).toBe('### Added\n- a thing\n');
    expect(releaseNotes(changelog, '1.2.2')).toBe('- older\n');
    expect(() => releaseNotes(changelog, '1.2')).toThrow(/no section for 1\.2/);
    expect(() => releaseNotes('## [1.0.0] - x\n\n## [0.9.0]\n- y', '1.0.0')).toThrow(/section for 1\.0\.0 is empty/);
    // The link definitions at the end are not part of the last section's notes.
    expect(
      releaseNotes(`${changelog}\n[1.2.2]: https://github.com/acme/coze-token-action/releases/tag/v1.2.2\n`, '1.2.2'),
    ).toBe('- older\n');
  });

  it("has notes for package.json's version in this repository's CHANGELOG", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(releaseNotes(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), version)).toMatch(/\S/);
  });

  it('refuses an npm older than trusted publishing needs (11.5.1), naming it', () => {
    for (const version of ['11.5.1', '11.6.0', '11.10.0\n', '12.0.0'])
      expect(npmTooOld(version), version).toBeUndefined();
    for (const version of ['11.5.0', '11.4.9', '10.9.2', '9.99.99', 'garbage'])
      expect(npmTooOld(version), version).toBe(
        `npm ${version} cannot publish with trusted publishing, which needs npm 11.5.1 or later: set up a newer Node 24`,
      );
    expect(npmTooOld('')).toMatch(/^npm \(no version\) cannot publish/);
  });

  it('moves the major tag of the release', () => {
    expect(majorTag('v1.2.3')).toBe('v1');
    expect(majorTag('v12.0.0')).toBe('v12');
    expect(() => majorTag('v1.2')).toThrow(/not vX\.Y\.Z/);
  });

  it('runs as the workflow calls it, and refuses with the reasons', () => {
    const node = process.execPath;
    const out = execFileSync(node, [join(ROOT, 'scripts/release.ts'), 'major', 'v3.1.4'], { encoding: 'utf8' });
    expect(out).toBe('v3\n');
    expect(execFileSync(node, [join(ROOT, 'scripts/release.ts'), 'npm', '11.6.2'], { encoding: 'utf8' })).toBe(
      'npm 11.6.2 publishes with trusted publishing.\n',
    );
    expect(() => execFileSync(node, [join(ROOT, 'scripts/release.ts'), 'npm', '10.9.2'], { stdio: 'pipe' })).toThrow(
      /needs npm 11\.5\.1 or later/,
    );
    let failure: { status?: number; stderr?: string } = {};
    try {
      execFileSync(node, [join(ROOT, 'scripts/release.ts'), 'check', 'v0.0.1'], {
        encoding: 'utf8',
        stdio: 'pipe',
        env: { ...process.env, GITHUB_REPOSITORY: 'someone/else' },
      });
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure.status).toBe(1);
    expect(failure.stderr).toMatch(/^Not releasing v0\.0\.1:\n- the tag v0\.0\.1 is not package\.json's version/);
    expect(failure.stderr).toMatch(/this repository is someone\/else, but package\.json names/);
  });
});
