/**
 * The export formats of `seams export`, one exporter per format, each a pure
 * function from the model to text (one file per format in this folder).
 */
import type { Model } from '../model/model.js';
import { exportD2 } from './d2.js';
import { exportJson } from './json.js';
import { exportLikeC4 } from './likec4.js';
import { exportMermaid } from './mermaid.js';
import { exportPlantUml } from './plantuml.js';
import { exportStructurizr } from './structurizr.js';

export const EXPORT_FORMATS = ['mermaid', 'd2', 'likec4', 'structurizr', 'plantuml', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const EXPORTERS: Record<ExportFormat, (model: Model) => string> = {
  mermaid: (model) => exportMermaid(model),
  d2: exportD2,
  likec4: exportLikeC4,
  structurizr: exportStructurizr,
  plantuml: exportPlantUml,
  json: exportJson,
};

/** The model in `format` (text ending with a newline). */
export function exportModel(model: Model, format: ExportFormat): string {
  return EXPORTERS[format](model);
}

/** The usual file extension of each format, for messages and docs. */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  mermaid: '.mmd',
  d2: '.d2',
  likec4: '.c4',
  structurizr: '.dsl',
  plantuml: '.puml',
  json: '.json',
};
