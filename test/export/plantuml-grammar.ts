/**
 * A checker for the PlantUML that `seams export --format plantuml` writes,
 * written from PlantUML's component diagram reference
 * (plantuml.com/component-diagram, /link, /creole), since PlantUML itself is
 * a Java program that cannot run here.
 *
 * What it enforces, as those pages state it:
 * - the diagram sits between `@startuml` and `@enduml`;
 * - statements: `left to right direction` / `top to bottom direction`,
 *   `title TEXT`, `skinparam …`, comments (`'`), a container
 *   (`package|node|folder|frame|cloud|rectangle "NAME" [as ALIAS] [<<STEREO>>] {`
 *   … `}`), an element (`component|database|queue|interface|actor "NAME" as
 *   ALIAS [<<STEREO>>]`), and a link `ALIAS ARROW ALIAS [: LABEL]` where the
 *   arrow is made of `-` or `.` (optionally with a direction word or `[#color]`
 *   inside) with an optional `>`/`<` head;
 * - a quoted name holds no `"`; aliases are letters, digits and `_`, declared
 *   once and before use; braces balance;
 * - names and labels hold no text PlantUML would read as markup or
 *   preprocessor input: `\n`-style escapes, `<tags>`, `[[links]]`, doubled
 *   creole markers (`**`, `--`, `__`, `//`, `~~`, `""`), `$variables`, `%functions`.
 */
export interface GrammarError {
  line: number;
  message: string;
}

const CONTAINER =
  /^(package|node|folder|frame|cloud|rectangle)\s+"([^"]*)"(?:\s+as\s+([A-Za-z_][A-Za-z0-9_]*))?(?:\s+<<([^<>"]+)>>)?\s*\{$/;
const ELEMENT =
  /^(component|database|queue|interface|actor|collections|storage)\s+"([^"]*)"\s+as\s+([A-Za-z_][A-Za-z0-9_]*)(?:\s+<<([^<>"]+)>>)?$/;
const LINK =
  /^([A-Za-z_][A-Za-z0-9_]*)\s+(<?(?:-+|\.+)(?:(?:up|down|left|right|\[#[0-9A-Za-z]+\])(?:-+|\.+))?>?)\s+([A-Za-z_][A-Za-z0-9_]*)(?:\s+:\s+(.*))?$/;
/** Text PlantUML would not show as written (see the file comment). */
const MARKUP = /\\[nt\\]|<\/?[A-Za-z][^>]*>|\[\[|\*\*|--|__|\/\/|~~|""|\$[A-Za-z_]|%[a-z_]+\(/;

export function checkPlantUml(text: string): GrammarError[] {
  const errors: GrammarError[] = [];
  const lines = text.split('\n');
  const aliases = new Set<string>();
  let depth = 0;
  let started = false;
  let ended = false;
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const fail = (message: string): void => {
      errors.push({ line: lineNo, message });
    };
    const line = raw.trim();
    if (line === '' || line.startsWith("'")) return;
    if (ended) return fail('text after @enduml');
    if (!started) {
      if (!/^@startuml(\s|$)/.test(line)) return fail('the diagram must start with @startuml');
      started = true;
      return;
    }
    if (line === '@enduml') {
      if (depth !== 0) fail(`${depth} block(s) not closed at @enduml`);
      ended = true;
      return;
    }
    if (line === 'left to right direction' || line === 'top to bottom direction') return;
    if (line.startsWith('skinparam ')) return;
    if (line.startsWith('title ')) return checkText(line.slice(6), fail);
    if (line === '}') {
      if (depth === 0) return fail('a } closes no block');
      depth--;
      return;
    }
    const container = CONTAINER.exec(line);
    if (container) {
      checkText(container[2], fail);
      if (container[3]) declare(container[3], fail);
      depth++;
      return;
    }
    const element = ELEMENT.exec(line);
    if (element) {
      checkText(element[2], fail);
      declare(element[3], fail);
      return;
    }
    const link = LINK.exec(line);
    if (link) {
      for (const alias of [link[1], link[3]]) if (!aliases.has(alias)) fail(`${alias} is not declared before this line`);
      if (link[4] !== undefined) checkText(link[4], fail);
      return;
    }
    fail(`not a statement of a component diagram: ${line}`);
  });
  if (!started) errors.push({ line: 1, message: 'no @startuml' });
  else if (!ended) errors.push({ line: lines.length, message: 'no @enduml' });
  return errors;

  function declare(alias: string, fail: (message: string) => void): void {
    if (aliases.has(alias)) fail(`the alias ${alias} is declared twice`);
    aliases.add(alias);
  }
}

function checkText(text: string, fail: (message: string) => void): void {
  const markup = MARKUP.exec(text);
  if (markup) fail(`${JSON.stringify(markup[0])} would be read as markup in ${JSON.stringify(text)}`);
  if (/&#(?!\d+;)/.test(text)) fail(`a broken character reference in ${JSON.stringify(text)}`);
}

/** PlantUML's reading of `&#N;` references: what the reader sees. */
export function plantumlShown(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}
