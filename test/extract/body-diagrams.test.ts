/**
 * Diagram-as-code blocks (issue 12, code-heavy blog posts): Mermaid/PlantUML source is drawn into a picture by a
 * script, so its lines are not article text; ordinary code blocks stay.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enParagraphs, extractFrom } from './helpers.js';

const head = '<title>How PostgreSQL plans a query</title>';
const h1 = '<h1>How PostgreSQL plans a query</h1>';

test('a Mermaid block (pre/code language-mermaid) is left out; the SQL block beside it stays', () => {
  // The shape a Prism-highlighted blog gives both kinds of block.
  const mermaid =
    '<pre class="language-mermaid rounded-md"><code class="language-mermaid rounded-md">flowchart LR\n    A[SQL Query] --&gt; B[Parser]\n    B --&gt; C[Query Planner]\n    C --&gt; D[Executor]</code></pre>';
  const sql = '<pre class="language-sql rounded-md"><code class="language-sql rounded-md">EXPLAIN ANALYZE SELECT * FROM orders WHERE customer_id = 42;</code></pre>';
  const a = extractFrom(`${h1}<main><article><div class="prose">${enParagraphs(2)}${mermaid}<p>Every query passes through these stages before a single row is read from disk.</p>${sql}${enParagraphs(3)}</div></article></main>`, { head });
  assert.ok(!a.body.includes('flowchart LR'), a.body);
  assert.ok(!a.body.includes('Query Planner'), a.body);
  assert.match(a.body, /EXPLAIN ANALYZE SELECT/);
  assert.match(a.body, /Every query passes through these stages/);
});

test("Mermaid's own markup (div.mermaid) is left out too; a class merely containing the word is not", () => {
  const diagram = '<div class="mermaid">sequenceDiagram\n    Client-&gt;&gt;Server: GET /orders\n    Server--&gt;&gt;Client: 200 OK</div>';
  const prose = '<div class="mermaid-note"><p>Diagrams in this post were drawn with Mermaid, which keeps them next to the code they describe.</p></div>';
  const a = extractFrom(`${h1}<main><article>${enParagraphs(3)}${diagram}${prose}${enParagraphs(2)}</article></main>`, { head });
  assert.ok(!a.body.includes('sequenceDiagram'), a.body);
  assert.match(a.body, /Diagrams in this post were drawn with Mermaid/);
});

test("a footnote's note set inline as a tooltip (role=tooltip) is left out of its sentence", () => {
  // The shape of a WordPress footnotes plugin: the marker links to a note laid out right after it as a tooltip.
  const para =
    '<p>There are so many serious concerns already, and new ones seem to keep flaring up every week.<sup class="modern-footnotes-footnote" data-mfn="1"><a href="javascript:void(0)" role="button" aria-describedby="mfn-content-1">1</a></sup>' +
    '<span id="mfn-content-1" role="tooltip" class="modern-footnotes-footnote__note" tabindex="0">I started writing this post in response to one big flare-up, and now we are in the middle of another.</span>' +
    ' And these are not vague or subtle concerns that require long-term foresight to notice at all.</p>';
  const a = extractFrom(`${h1}<main><article>${enParagraphs(2)}${para}${enParagraphs(2)}</article></main>`, { head });
  assert.ok(!a.body.includes('I started writing this post'), a.body);
  assert.match(a.body, /flaring up every week\.1? ?And these are not vague/);
});
