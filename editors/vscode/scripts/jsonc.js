'use strict';
// JSON with comments and trailing commas (what VS Code accepts in
// language-configuration.json), parsed strictly otherwise.
function parseJsonc(text) {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === '"') inString = false;
      i++;
    } else if (c === '"') {
      inString = true;
      out += c;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new SyntaxError('unterminated /* comment');
      i = end + 2;
    } else {
      out += c;
      i++;
    }
  }
  // Trailing commas before } or ] (outside strings: strings were copied verbatim,
  // so re-scan with the same string awareness).
  let res = '';
  inString = false;
  for (let j = 0; j < out.length; j++) {
    const c = out[j];
    if (inString) {
      res += c;
      if (c === '\\') { res += out[++j] ?? ''; continue; }
      if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      res += c;
    } else if (c === ',') {
      let k = j + 1;
      while (k < out.length && /\s/.test(out[k])) k++;
      if (out[k] !== '}' && out[k] !== ']') res += c;
    } else {
      res += c;
    }
  }
  return JSON.parse(res);
}
module.exports = { parseJsonc };
