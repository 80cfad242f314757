// Peer benchmark: parses every file given with dockerfile-ast and prints "PATH<TAB>COUNT" per file.
'use strict';
const fs = require('fs');
const { DockerfileParser } = require('dockerfile-ast');

const lines = [];
for (const path of process.argv.slice(2)) {
  const text = fs.readFileSync(path, 'utf8');
  const dockerfile = DockerfileParser.parse(text);
  lines.push(`${path}\t${dockerfile.getInstructions().length}`);
}
process.stdout.write(lines.join('\n') + (lines.length ? '\n' : ''));
