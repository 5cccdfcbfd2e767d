// ESLint rule `reimagine/no-ui-literal`: a user-facing sentence written as a string literal where code hands
// text to the user — a call's argument (`notify('Saved')`, `setError('Something failed')`), `new …Error('…')`,
// or a `message`/`text`/`reason`/… property (`setStatus({ text: '…' })`, `return { ok: false, message: '…' }`).
// JSX text and labels are no-restricted-syntax's (eslint.config.js); this catches what reaches the screen
// through state and errors. Heuristic by design, to stay quiet on class names, keys, ids, URLs and selectors:
//  - anywhere in those positions, a sentence: a capitalised word followed by more words ("Something failed"),
//    or words ending in . ! ? … ("the provider returned nothing.");
//  - in a text sink (set*Error/Status/Message…, notify*, show*, alert/confirm, Error constructors, message
//    properties), also a single capitalised word ("Saved").
// Applied to the UI and to lib/ except lib/api (eslint.config.js). console.* is never checked; other
// developer-only text says so with `// eslint-disable-next-line reimagine/no-ui-literal -- <reason>`.
const SENTENCE = /^[A-Z][a-z’']+[\s,:;]+\S/u;
const PUNCTUATED = /[a-z]{2,}\s+\S[^]*[a-z)”’"]\s*[.!?…]$/u;
const WORD = /^[A-Z][a-z]{2,}/u;
const NOT_TEXT = /:\/\/|^[./#@]|^[a-z]+(?:[.-][a-zA-Z0-9]+)+$|^[a-z-]+:/u;

const SINK_CALLEE = /^(?:set[A-Z]\w*(?:Error|Status|Message|Problem|Notice|Text|Toast|Hint|Reason|Result|Note|Alert)|notify\w*|show(?:Error|Status|Message|Toast|Notice)\w*|alert|confirm|announce\w*)$/u;
const TEXT_KEY = /^(?:message|text|error|reason|problem|title|label|hint|description|detail|note|notice|status)$/u;
const IGNORED_CALLEE = /^(?:t|querySelector\w*|getElementById|closest|matches|createElement|addEventListener|removeEventListener|setAttribute|getAttribute|hasAttribute|add|remove|toggle|contains|require|matchMedia|RegExp|URL|fetch|getURL|getByTestId|test|log|warn|info|debug|error)$/u;

function textOf(node) {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? '').join('x');
  return undefined;
}

function calleeName(callee) {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    if (callee.object.type === 'Identifier' && callee.object.name === 'console') return 'log';
    return callee.property.name;
  }
  return undefined;
}

function isSentence(text, sink) {
  const s = text.trim();
  if (!/[A-Za-z]{2}/u.test(s) || NOT_TEXT.test(s)) return false;
  return SENTENCE.test(s) || PUNCTUATED.test(s) || (sink && WORD.test(s));
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'User-facing text passed to calls, errors and message properties must come from t() (lib/i18n).' },
    messages: { literal: 'User-facing text must come from t() (lib/i18n), not a string literal: "{{text}}".' },
    schema: [],
  },
  create(context) {
    const report = (node, sink) => {
      const text = textOf(node);
      if (text !== undefined && isSentence(text, sink)) context.report({ node, messageId: 'literal', data: { text: text.slice(0, 40) } });
    };
    /** A literal, or either branch of `cond ? 'a' : 'b'` / `x ?? 'a'`. */
    const check = (node, sink) => {
      if (!node) return;
      if (node.type === 'ConditionalExpression') return void (check(node.consequent, sink), check(node.alternate, sink));
      if (node.type === 'LogicalExpression') return void check(node.right, sink);
      if (node.type === 'ObjectExpression') {
        for (const p of node.properties) if (p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && TEXT_KEY.test(p.key.name)) check(p.value, true);
        return;
      }
      report(node, sink);
    };
    return {
      CallExpression(node) {
        const name = calleeName(node.callee);
        if (name && IGNORED_CALLEE.test(name)) return;
        const sink = name !== undefined && SINK_CALLEE.test(name);
        for (const arg of node.arguments) check(arg, sink);
      },
      NewExpression(node) {
        const name = calleeName(node.callee);
        if (name && /Error$/u.test(name)) for (const arg of node.arguments) check(arg, true);
      },
      'ReturnStatement > ObjectExpression, VariableDeclarator > ObjectExpression, ArrowFunctionExpression > ObjectExpression'(node) {
        check(node, true);
      },
    };
  },
};
