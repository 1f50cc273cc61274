/**
 * The PlantUML export, checked by a grammar checker written from PlantUML's
 * documentation (plantuml-grammar.ts): PlantUML itself is Java.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportPlantUml, plantumlText } from '../../server/src/core/export/plantuml.js';
import { exportModels, modelFromText } from './export-fixtures.js';
import { checkPlantUml, plantumlShown } from './plantuml-grammar.js';

function assertAccepted(text: string): void {
  const errors = checkPlantUml(text);
  assert.deepEqual(errors, [], `${errors.map((e) => `${e.line}: ${e.message}`).join('\n')}\n${text}`);
}

describe('PlantUML grammar checker', () => {
  const ok = [
    '@startuml',
    'package "P" as p {',
    '  component "A" as a <<gateway>>',
    '}',
    'database "D" as d',
    'a --> d : uses',
    'a ..> a',
    '@enduml',
  ];
  it('accepts a small valid diagram', () => assertAccepted(ok.join('\n')));
  const broken: [string, string[]][] = [
    ['a missing @enduml', ok.slice(0, -1)],
    ['an undeclared alias', [...ok.slice(0, 5), 'a --> x', ...ok.slice(5)]],
    ['a quote inside a name', ok.map((l, i) => (i === 4 ? 'database "D "x"" as d' : l))],
    ['markup in a label', ok.map((l, i) => (i === 5 ? 'a --> d : **bold**' : l))],
    ['an unbalanced brace', ok.filter((_, i) => i !== 3)],
    ['an alias declared twice', [...ok.slice(0, 5), 'database "E" as d', ...ok.slice(5)]],
    ['an unknown statement', [...ok.slice(0, 5), 'a -> -> d', ...ok.slice(5)]],
  ];
  for (const [what, lines] of broken) {
    it(`rejects ${what}`, () => assert.notDeepEqual(checkPlantUml(lines.join('\n')), []));
  }
});

describe('seams export --format plantuml', () => {
  for (const { name, model } of exportModels()) {
    it(`the grammar checker accepts the export of ${name}`, () => assertAccepted(exportPlantUml(model)));
  }

  it('writes awkward text as character references that show as written', () => {
    for (const text of [
      'Say "hi"',
      'a\\nb',
      '<b>x</b> & **y** -- __z__ //w// ~~v~~',
      '${var} %date() [[link]]',
      '注文 🚀',
      'catalog-api v2',
    ]) {
      const written = plantumlText(text);
      assert.equal(plantumlShown(written), text);
      assertAccepted(`@startuml\ncomponent "${written}" as a\na --> a : ${written}\n@enduml\n`);
    }
    assert.equal(plantumlText('catalog-api v2'), 'catalog-api v2');
  });

  it('draws systems as packages, stores as databases, calls and subscriptions as arrows', () => {
    const text = exportPlantUml(
      modelFromText(
        'system shop "Shop" {\n service orders { tier user-facing\n store orders-db postgres\n event placed v1\n calls billing.pay v2 }\n service billing { api pay v2\n subscribes orders.placed v1 }\n}\n',
      ),
    );
    assert.match(text, /^package "Shop" as sys_shop \{$/m);
    assert.match(
      text,
      /^ {2}component "orders" as svc_orders <<user&#45;facing>>$|^ {2}component "orders" as svc_orders <<user-facing>>$/m,
    );
    assert.match(
      text,
      /^ {2}database "orders&#45;db \(postgres\)" as db_orders_db$|^ {2}database "orders-db \(postgres\)" as db_orders_db$/m,
    );
    assert.match(text, /^svc_orders --> svc_billing : pay v2$/m);
    assert.match(text, /^svc_orders \.\.> svc_billing : placed v1$/m);
    assert.match(text, /^svc_orders -- db_orders_db$/m);
    assertAccepted(text);
  });
});
