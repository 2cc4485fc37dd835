/**
 * Every relative link and picture of the README and of docs/ points at a file or folder that
 * exists: documentation is moved and renamed, and a dead link is found here rather than by a
 * reader. Web addresses and #anchors within a page are not followed; code (fenced blocks and
 * `inline`) is not read as links.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** Every .md file under `dir`, recursively. */
function markdownUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownUnder(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** Relative targets of `[text](target)` and `![alt](target)`, outside code, without #anchors. */
function relativeTargets(text: string): string[] {
  const prose = text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)]
    .map((m) => m[1])
    .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'))
    .map((t) => decodeURIComponent(t.replace(/#.*$/, '')));
}

const files = [join(root, 'README.md'), ...markdownUnder(join(root, 'docs'))];

test('the README and the docs are all read, and they do link to one another', () => {
  const names = files.map((f) => relative(root, f));
  expect(names).toEqual(expect.arrayContaining(['README.md', 'docs/architecture.md', 'docs/deploy.md', 'docs/huong-dan/README.md']));
  const readme = relativeTargets(readFileSync(join(root, 'README.md'), 'utf8'));
  expect(readme).toEqual(expect.arrayContaining(['docs/architecture.md', 'docs/deploy.md', 'docs/huong-dan/README.md', 'bench/results.md']));
});

test('every relative link of README.md and docs/**/*.md resolves', () => {
  const broken = files.flatMap((file) =>
    relativeTargets(readFileSync(file, 'utf8'))
      .filter((target) => !existsSync(resolve(dirname(file), target)))
      .map((target) => `${relative(root, file)}: ${target}`),
  );
  expect(broken).toEqual([]);
});

test('a broken link would be found: the reader sees links, not code', () => {
  const text = 'See [a](docs/a.md#part), ![b](anh/b.png "title") and [web](https://x.y).\n`[c](c.md)`\n```\n[d](d.md)\n```\n';
  expect(relativeTargets(text)).toEqual(['docs/a.md', 'anh/b.png']);
});
