import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { failedCodes } from '../decision.ts';
import { evaluate, isProgram } from '../evaluate.ts';
import { parameterCatalog } from '../parameter-catalog.ts';
import { type ParamEntry, paramSetOf } from '../parameters.ts';
import { factsFor } from './base-facts.ts';

type Case = {
  name: string;
  day: string;
  params?: Record<string, { from: string; value: unknown }[]>;
  input: Record<string, unknown>;
  output: { eligible: boolean; monthlyAmount?: number | null; failed?: string[]; priority?: boolean; reasons?: string[] };
};

const dir = path.dirname(fileURLToPath(import.meta.url));
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cases.json'));

describe.each(files)('%s', (file) => {
  const { program, cases } = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { program: string; cases: Case[] };

  it('has at least 15 cases, each with a unique name', () => {
    expect(isProgram(program)).toBe(true);
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (!isProgram(program)) throw new Error(`unknown program ${program}`);
    const extra: Record<string, ParamEntry<unknown>[]> = {};
    for (const [id, entries] of Object.entries(c.params ?? {})) extra[id] = entries.map((e) => ({ ...e, source: 'case' }));
    const decision = evaluate(program, factsFor(c.input), c.day, paramSetOf(parameterCatalog, extra));
    expect(decision.eligible, JSON.stringify(decision.reasons)).toBe(c.output.eligible);
    if (c.output.monthlyAmount !== undefined) expect(decision.monthlyAmount).toBe(c.output.monthlyAmount);
    if (c.output.failed) expect(failedCodes(decision).sort()).toEqual([...c.output.failed].sort());
    if (c.output.priority !== undefined) expect(decision.priority).toBe(c.output.priority);
    for (const code of c.output.reasons ?? []) expect(decision.reasons.map((r) => r.code)).toContain(code);
    for (const r of decision.reasons) expect(r.message.length).toBeGreaterThan(0);
  });
});
