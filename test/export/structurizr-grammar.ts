/**
 * A checker for the part of the Structurizr DSL that `seams export --format
 * structurizr` writes, written from the language reference
 * (docs.structurizr.com/dsl/language and /dsl/basics), since Structurizr's
 * own parser is a Java program that cannot run here.
 *
 * What it enforces, as those pages state it:
 * - lines are processed in order; tokens are separated by whitespace; a
 *   string in double quotes may hold `\"`; `{` ends the line that opens a
 *   block and `}` stands on a line of its own; `//` and `#` start comment lines;
 * - the statements allowed in each block (workspace → model, views; model →
 *   person, softwareSystem, relationship; softwareSystem → container; views →
 *   systemLandscape, systemContext, container, styles, theme; a view →
 *   include, exclude, autoLayout, title, description; styles → element,
 *   relationship; a style → its properties with their documented values),
 *   each with its documented number of properties;
 * - identifiers: letters, digits, `_` and `-`, assigned once (flat scope,
 *   case-insensitive), defined before they are used (no forward references);
 * - software system and person names unique in the model, container names
 *   unique in their software system, view keys unique; a container view names
 *   a software system; a relationship joins two different elements and is not
 *   repeated with the same description.
 */

export interface GrammarError {
  line: number;
  message: string;
}

type Block =
  | 'top'
  | 'workspace'
  | 'model'
  | 'softwareSystem'
  | 'container'
  | 'person'
  | 'views'
  | 'view'
  | 'styles'
  | 'elementStyle'
  | 'relationshipStyle';

const IDENTIFIER = /^[A-Za-z0-9_-]+$/;
const SHAPES = new Set(
  [
    'Box',
    'RoundedBox',
    'Circle',
    'Ellipse',
    'Hexagon',
    'Diamond',
    'Cylinder',
    'Bucket',
    'Pipe',
    'Person',
    'Robot',
    'Folder',
    'WebBrowser',
    'Window',
    'Terminal',
    'Shell',
    'MobileDevicePortrait',
    'MobileDeviceLandscape',
    'Component',
  ].map((s) => s.toLowerCase()),
);
const LINE_STYLES = new Set(['solid', 'dashed', 'dotted']);
const AUTOLAYOUT = new Set(['tb', 'bt', 'lr', 'rl']);

/** Splits one line into tokens; strings lose their quotes and `\"` becomes `"`. */
export function tokenizeStructurizr(line: string): { tokens: string[]; quoted: boolean[] } | { error: string } {
  const tokens: string[] = [];
  const quoted: boolean[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '"') {
      let value = '';
      i++;
      let closed = false;
      while (i < line.length) {
        if (line[i] === '\\' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          closed = true;
          i++;
          break;
        } else {
          value += line[i++];
        }
      }
      if (!closed) return { error: 'a string is not closed on its line' };
      if (i < line.length && line[i] !== ' ' && line[i] !== '\t') return { error: 'tokens must be separated by whitespace' };
      tokens.push(value);
      quoted.push(true);
      continue;
    }
    let word = '';
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') word += line[i++];
    if (word.includes('"')) return { error: `a quote inside the unquoted token ${word}` };
    tokens.push(word);
    quoted.push(false);
  }
  return { tokens, quoted };
}

export function checkStructurizr(text: string): GrammarError[] {
  const errors: GrammarError[] = [];
  const stack: Block[] = ['top'];
  const identifiers = new Map<string, 'softwareSystem' | 'container' | 'person'>();
  const topNames = new Set<string>();
  let containerNames = new Set<string>();
  const viewKeys = new Set<string>();
  const relationships = new Set<string>();
  let sawWorkspace = false;
  let inComment = false;

  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const fail = (message: string): void => {
      errors.push({ line: lineNo, message });
    };
    const line = raw.trim();
    if (inComment) {
      if (line.endsWith('*/')) inComment = false;
      return;
    }
    if (line === '' || line.startsWith('//') || line.startsWith('#')) return;
    if (line.startsWith('/*')) {
      inComment = !line.endsWith('*/');
      return;
    }
    const lexed = tokenizeStructurizr(line);
    if ('error' in lexed) return fail(lexed.error);
    let { tokens } = lexed;
    const block = stack[stack.length - 1];

    if (tokens.length === 1 && tokens[0] === '}' && !lexed.quoted[0]) {
      if (stack.length === 1) return fail('a } closes no block');
      const closed = stack.pop();
      if (closed === 'softwareSystem') containerNames = new Set();
      return;
    }
    const opens = tokens[tokens.length - 1] === '{' && !lexed.quoted[tokens.length - 1];
    if (opens) tokens = tokens.slice(0, -1);
    if (tokens.length === 0) return fail('an opening brace must end the line of its statement');
    if (tokens.some((t, i) => (t === '{' || t === '}') && !lexed.quoted[i])) return fail('a brace must end the line or stand alone');
    const open = (next: Block): void => {
      if (opens) stack.push(next);
    };
    const mustNotOpen = (): boolean => {
      if (opens) fail(`${tokens[0]} takes no block`);
      return !opens;
    };

    // An assignment `id = keyword …` (model elements only).
    let assigned: string | undefined;
    if (tokens.length >= 3 && tokens[1] === '=' && !lexed.quoted[1]) {
      assigned = tokens[0];
      if (!IDENTIFIER.test(assigned)) return fail(`${assigned} is not a valid identifier`);
      if (identifiers.has(assigned.toLowerCase())) return fail(`the identifier ${assigned} is already in use`);
      tokens = tokens.slice(2);
    }
    const keyword = tokens[0].toLowerCase();
    const args = tokens.slice(1);
    const define = (kind: 'softwareSystem' | 'container' | 'person'): void => {
      if (assigned !== undefined) identifiers.set(assigned.toLowerCase(), kind);
    };

    switch (block) {
      case 'top':
        if (keyword !== 'workspace') return fail(`expected workspace, found ${tokens[0]}`);
        if (sawWorkspace) return fail('a second workspace');
        if (args.length > 2) return fail('workspace takes at most a name and a description');
        if (!opens) return fail('workspace must open a block');
        sawWorkspace = true;
        return open('workspace');
      case 'workspace':
        if (assigned) return fail('no assignment here');
        if (keyword === 'model' || keyword === 'views') {
          if (args.length > 0 || !opens) return fail(`${keyword} takes no properties and opens a block`);
          return open(keyword);
        }
        if (keyword === 'name' || keyword === 'description') {
          if (args.length !== 1) return fail(`${keyword} takes one value`);
          return void mustNotOpen();
        }
        return fail(`${tokens[0]} is not allowed in a workspace`);
      case 'model':
        if (keyword === 'softwaresystem' || keyword === 'person') {
          // name [description] [tags]
          if (args.length < 1 || args.length > 3) return fail(`${tokens[0]} takes a name, then at most a description and tags`);
          if (topNames.has(args[0])) return fail(`a software system or person named ${args[0]} already exists`);
          topNames.add(args[0]);
          define(keyword === 'person' ? 'person' : 'softwareSystem');
          return open(keyword === 'person' ? 'person' : 'softwareSystem');
        }
        if (tokens[1] === '->') return relationship(tokens);
        return fail(`${tokens[0]} is not allowed in the model`);
      case 'softwareSystem':
        if (keyword === 'container') {
          if (args.length < 1 || args.length > 4) {
            return fail('container takes a name, then at most a description, a technology and tags');
          }
          if (containerNames.has(args[0])) return fail(`a container named ${args[0]} already exists in this software system`);
          containerNames.add(args[0]);
          define('container');
          return open('container');
        }
        if (tokens[1] === '->') return relationship(tokens);
        if (keyword === 'description' || keyword === 'tags' || keyword === 'url') return void mustNotOpen();
        return fail(`${tokens[0]} is not allowed in a software system`);
      case 'container':
      case 'person':
        if (keyword === 'description' || keyword === 'technology' || keyword === 'tags' || keyword === 'url') {
          return void mustNotOpen();
        }
        if (tokens[1] === '->') return relationship(tokens);
        return fail(`${tokens[0]} is not allowed in a ${block}`);
      case 'views':
        if (assigned) return fail('no assignment here');
        if (keyword === 'systemlandscape') {
          if (args.length > 2) return fail('systemLandscape takes at most a key and a description');
          if (!view(args[0])) return;
          return opens ? open('view') : fail('a view must open a block');
        }
        if (keyword === 'systemcontext' || keyword === 'container') {
          if (args.length < 1 || args.length > 3) return fail(`${tokens[0]} takes a software system, then at most a key and a description`);
          const kind = identifiers.get(args[0].toLowerCase());
          if (kind !== 'softwareSystem') return fail(`${args[0]} is not the identifier of a software system`);
          if (!view(args[1])) return;
          return opens ? open('view') : fail('a view must open a block');
        }
        if (keyword === 'styles') {
          if (args.length > 0 || !opens) return fail('styles takes no properties and opens a block');
          return open('styles');
        }
        if (keyword === 'theme' || keyword === 'themes') {
          if (args.length < 1) return fail(`${keyword} needs a value`);
          return void mustNotOpen();
        }
        return fail(`${tokens[0]} is not allowed in views`);
      case 'view':
        if (!mustNotOpen()) return;
        if (keyword === 'include' || keyword === 'exclude') {
          if (args.length < 1) return fail(`${keyword} needs * or identifiers`);
          for (const arg of args) {
            if (arg !== '*' && !identifiers.has(arg.toLowerCase())) fail(`${keyword}: unknown identifier ${arg}`);
          }
          return;
        }
        if (keyword === 'autolayout') {
          if (args.length > 3) return fail('autoLayout takes at most a direction, a rank and a node separation');
          if (args[0] !== undefined && !AUTOLAYOUT.has(args[0].toLowerCase()))
            return fail(`autoLayout direction ${args[0]} is not tb, bt, lr or rl`);
          if (args.slice(1).some((a) => !/^\d+$/.test(a))) return fail('autoLayout separations are whole numbers');
          return;
        }
        if (keyword === 'title' || keyword === 'description') {
          if (args.length !== 1) return fail(`${keyword} takes one value`);
          return;
        }
        return fail(`${tokens[0]} is not allowed in a view`);
      case 'styles':
        if (keyword === 'element' || keyword === 'relationship') {
          if (args.length !== 1 || !opens) return fail(`${keyword} takes a tag and opens a block`);
          return open(keyword === 'element' ? 'elementStyle' : 'relationshipStyle');
        }
        return fail(`${tokens[0]} is not allowed in styles`);
      case 'elementStyle':
        if (!mustNotOpen()) return;
        if (args.length !== 1) return fail(`${tokens[0]} takes one value`);
        if (keyword === 'shape') {
          if (!SHAPES.has(args[0].toLowerCase())) fail(`${args[0]} is not a shape`);
          return;
        }
        if (keyword === 'border') {
          if (!LINE_STYLES.has(args[0].toLowerCase())) fail(`border ${args[0]} is not solid, dashed or dotted`);
          return;
        }
        if (['background', 'color', 'colour', 'stroke'].includes(keyword)) {
          if (!/^#[0-9a-fA-F]{6}$/.test(args[0])) fail(`${args[0]} is not a #rrggbb colour`);
          return;
        }
        if (['width', 'height', 'fontsize', 'opacity', 'strokewidth'].includes(keyword)) {
          if (!/^\d+$/.test(args[0])) fail(`${keyword} is a whole number`);
          return;
        }
        if (keyword === 'metadata' || keyword === 'description') {
          if (!['true', 'false'].includes(args[0])) fail(`${keyword} is true or false`);
          return;
        }
        if (keyword === 'icon') return;
        return fail(`${tokens[0]} is not an element style property`);
      case 'relationshipStyle':
        if (!mustNotOpen()) return;
        if (args.length !== 1) return fail(`${tokens[0]} takes one value`);
        if (keyword === 'style') {
          if (!LINE_STYLES.has(args[0].toLowerCase())) fail(`style ${args[0]} is not solid, dashed or dotted`);
          return;
        }
        if (keyword === 'routing') {
          if (!['direct', 'curved', 'orthogonal'].includes(args[0].toLowerCase())) fail(`routing ${args[0]} is unknown`);
          return;
        }
        if (keyword === 'color' || keyword === 'colour') {
          if (!/^#[0-9a-fA-F]{6}$/.test(args[0])) fail(`${args[0]} is not a #rrggbb colour`);
          return;
        }
        if (['thickness', 'fontsize', 'width', 'position', 'opacity'].includes(keyword)) {
          if (!/^\d+$/.test(args[0])) fail(`${keyword} is a whole number`);
          return;
        }
        return fail(`${tokens[0]} is not a relationship style property`);
    }

    function relationship(parts: string[]): void {
      if (assigned !== undefined) return fail('the exporter assigns no identifiers to relationships');
      const [from, arrow, to, description, ...rest] = parts;
      if (arrow !== '->') return fail('a relationship is `source -> destination`');
      if (rest.length > 2) return fail('a relationship takes at most a description, a technology and tags');
      for (const end of [from, to]) {
        if (!identifiers.has(end.toLowerCase())) return fail(`${end} is not defined before this line`);
      }
      if (from.toLowerCase() === to.toLowerCase()) return fail(`a relationship from ${from} to itself`);
      const key = `${from.toLowerCase()} ${to.toLowerCase()} ${description ?? ''}`;
      if (relationships.has(key)) return fail(`a relationship from ${from} to ${to} described "${description ?? ''}" already exists`);
      relationships.add(key);
      if (opens) fail('this relationship takes no block');
    }

    function view(key: string | undefined): boolean {
      if (key === undefined) return true;
      if (!IDENTIFIER.test(key)) {
        fail(`the view key ${key} has characters other than letters, digits, _ and -`);
        return false;
      }
      if (viewKeys.has(key)) {
        fail(`the view key ${key} is already in use`);
        return false;
      }
      viewKeys.add(key);
      return true;
    }
  });
  if (!sawWorkspace) errors.push({ line: 1, message: 'no workspace' });
  if (stack.length > 1) errors.push({ line: lines.length, message: `${stack.length - 1} block(s) not closed` });
  return errors;
}
