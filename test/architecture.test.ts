import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]!);
}

describe('dependencies point inward', () => {
  it('keeps the core free of I/O, clocks, environment and AWS', () => {
    for (const file of sources('src/core')) {
      const text = readFileSync(file, 'utf8');
      for (const target of imports(file)) {
        expect(target, `${file} imports ${target}`).not.toMatch(/^node:(?:fs|fs\/promises|child_process|http|https|net|dgram|dns|worker_threads|os|process)$|@aws-sdk|\/adapters\/|\/use-cases\/|\/cli\/|compose/);
        if (target.startsWith('.')) expect(target, `${file} imports ${target}`).not.toMatch(/\.\.\/\.\.\//);
      }
      expect(text, `${file} reads the environment`).not.toMatch(/process\.env/);
      expect(text, `${file} reads the clock`).not.toMatch(/Date\.now\(\)|new Date\(\)/);
    }
  });

  it('keeps adapters from importing the CLI, the handlers or the use cases', () => {
    for (const file of sources('src/adapters')) {
      for (const target of imports(file)) expect(target, `${file} imports ${target}`).not.toMatch(/\/cli\/|\/use-cases\/|functions\//);
    }
  });
});
