#!/usr/bin/env node
// Writes out/THIRD_PARTY_NOTICES.txt: the license of every npm package that esbuild
// bundled into out/extension.js (read from the metafile out/meta.json), as their
// licenses (MIT, ISC) ask for when the code is redistributed.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const meta = JSON.parse(fs.readFileSync(path.join(root, 'out', 'meta.json'), 'utf8'));
const dirs = new Set();
for (const input of Object.keys(meta.inputs)) {
  // node_modules/a/…, node_modules/@s/a/…, node_modules/a/node_modules/b/…
  const m = input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//);
  if (m) dirs.add(m[1]);
}
const sections = [];
for (const dir of [...dirs].sort()) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
  const licenseFile = fs.readdirSync(path.join(root, dir)).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  if (!licenseFile) {
    console.error(`notices: ${pkg.name}@${pkg.version} (${pkg.license}) has no license file`);
    process.exit(1);
  }
  const text = fs.readFileSync(path.join(root, dir, licenseFile), 'utf8').trim();
  sections.push(`${pkg.name}@${pkg.version} (${pkg.license})\n${'-'.repeat(60)}\n${text}\n`);
}
const header =
  'The VS Code extension for vpc bundles the following npm packages into out/extension.js.\n' +
  'Their licenses follow.\n\n';
fs.writeFileSync(path.join(root, 'out', 'THIRD_PARTY_NOTICES.txt'), header + sections.join('\n'));
console.log(`notices: out/THIRD_PARTY_NOTICES.txt (${sections.length} packages)`);
