/**
 * The models the export tests run every format over: the repository's
 * examples, the odd-names fixture and two modelled open-source systems.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSources, type SourceFile } from '../../server/src/core/check.js';
import type { Model } from '../../server/src/core/model/model.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(import.meta.dirname, 'fixtures');

function seamsIn(folder: string): SourceFile[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.seams'))
    .sort()
    .map((f) => ({ file: join(folder, f), text: readFileSync(join(folder, f), 'utf8') }));
}

export interface NamedModel {
  name: string;
  model: Model;
}

export function modelOf(sources: readonly SourceFile[]): Model {
  return checkSources(sources).model;
}

export function modelFromText(text: string, file = 'inline.seams'): Model {
  return modelOf([{ file, text }]);
}

/**
 * examples/ as one model, each fixture file as its own model, and a generated
 * model of 300 services in 6 systems (shared stores, cycles, many calls).
 */
export function exportModels(): NamedModel[] {
  const models: NamedModel[] = [{ name: 'examples', model: modelOf(seamsIn(join(ROOT, 'examples'))) }];
  for (const source of seamsIn(FIXTURES)) {
    models.push({ name: source.file.slice(FIXTURES.length + 1), model: modelOf([source]) });
  }
  models.push({ name: '300 generated services', model: modelOf(generateArchitecture({ services: 300, seed: 3 })) });
  return models;
}
