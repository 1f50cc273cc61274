/**
 * Rename: which names can be renamed, whether a new name is acceptable, and
 * the edits across every file. A rename must never change what the model
 * means, so a new name that would merge two things (a clash) is refused, as is
 * text that would not lex as one name.
 */
import type { TextEdit } from '../diagnostics.js';
import type { Model } from '../model/model.js';
import type * as ast from '../syntax/ast.js';
import { KEYWORDS } from '../syntax/tokens.js';
import { occurrenceAt, occurrencesOf, type Occurrence } from './occurrences.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*$/;
const VERSION_LIKE = /^v\d+$/;

/** The name under the cursor if it can be renamed (rule codes cannot: the registry owns them). */
export function renameTarget(file: ast.SeamsFile, offset: number): Occurrence | undefined {
  const o = occurrenceAt(file, offset);
  return o && o.kind !== 'rule' ? o : undefined;
}

export type RenameResult = { edits: TextEdit[] } | { error: string };

/** Why `name` cannot be a Seams name, or undefined when it can. */
export function invalidNameReason(name: string): string | undefined {
  if (!IDENTIFIER.test(name)) {
    return `${JSON.stringify(name)} is not a Seams name: use letters, digits and _ in kebab-case parts, starting with a letter or _`;
  }
  if (VERSION_LIKE.test(name)) return `${name} reads as a version, not a name`;
  if (KEYWORDS.includes(name)) return `${name} is a keyword; pick a name that is not`;
  return undefined;
}

export function planRename(model: Model, file: string, offset: number, newName: string): RenameResult {
  if (typeof newName !== 'string') return { error: 'the new name must be a string' };
  const ast = model.files.get(file);
  const target = ast && renameTarget(ast, offset);
  if (!target) return { error: 'there is no team, system, service, library, contract or store name here to rename' };
  if (newName === target.name) return { edits: [] };
  const invalid = invalidNameReason(newName);
  if (invalid) return { error: invalid };
  const clash = clashWith(model, target, newName) ?? referenceClash(model, target, newName);
  if (clash) return { error: clash };

  const edits: TextEdit[] = occurrencesOf(model.files.values(), target).map((o) => ({
    file: o.file,
    start: o.start,
    end: o.end,
    newText: newName,
  }));
  return { edits };
}

/**
 * A reference that already spells the new name (`calls catalog` with no service
 * catalog) would silently bind to the renamed thing: the model's meaning changes.
 */
function referenceClash(model: Model, target: Occurrence, newName: string): string | undefined {
  const taken = occurrencesOf(model.files.values(), { kind: target.kind, name: newName, service: target.service });
  if (taken.length === 0) return undefined;
  const what =
    target.kind === 'api' || target.kind === 'event' ? `${target.kind} ${target.service}.${newName}` : `${target.kind} ${newName}`;
  const one = taken.length === 1;
  const refs = one ? 'a reference already refers' : `${taken.length} references already refer`;
  return `${refs} to ${what}, which does not exist; renaming ${target.name} to ${newName} would make ${one ? 'it' : 'them'} point at ${target.name}`;
}

function clashWith(model: Model, target: Occurrence, newName: string): string | undefined {
  switch (target.kind) {
    case 'team':
      return model.teams.has(newName) ? `a team named ${newName} already exists` : undefined;
    case 'system':
      return model.systems.has(newName) ? `a system named ${newName} already exists` : undefined;
    case 'service':
      return model.services.has(newName) ? `a service named ${newName} already exists` : undefined;
    case 'library':
      return model.libraries.has(newName) ? `a library named ${newName} already exists` : undefined;
    case 'store':
      return model.stores.has(newName)
        ? `a store named ${newName} already exists; renaming into it would make the services share it`
        : undefined;
    case 'api':
    case 'event': {
      const owner = target.service ? model.services.get(target.service) : undefined;
      const taken = owner && (target.kind === 'api' ? owner.apis : owner.events).has(newName);
      return taken ? `service ${target.service} already has an ${target.kind} named ${newName}` : undefined;
    }
    default:
      return undefined;
  }
}
