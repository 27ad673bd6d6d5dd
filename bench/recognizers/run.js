// Reference row for zh-extract-numbers: Microsoft Recognizers-Text, zh-cn
// number, number-with-unit and date-time recognizers over the text column
// of zhtsv rows on stdin.  One line per result: line start end type text.
// Install with bench/recognizers/setup.sh (into bench/node_modules).
'use strict';
const path = require('path');
const readline = require('readline');
const R = require(path.join(__dirname, '..', 'node_modules',
    '@microsoft', 'recognizers-text-suite'));

const culture = R.Culture.Chinese;
const fns = [R.recognizeNumber, R.recognizeOrdinal, R.recognizePercentage,
    R.recognizeCurrency, R.recognizeDimension, R.recognizeAge,
    R.recognizeTemperature, R.recognizeDateTime];
const out = [];
let n = 0;

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
	n++;
	const tab = line.lastIndexOf('\t');
	const text = (tab < 0 ? line : line.slice(tab + 1))
	    .replace(/\\(.)/g, (m, c) => c === 't' ? '\t' : c === 'n' ? '\n' :
	    c === 'r' ? '\r' : c === '\\' ? '\\' : m);
	for (const f of fns)
		for (const r of f(text, culture))
			out.push(n + '\t' + r.start + '\t' + (r.end + 1) + '\t' +
			    r.typeName + '\t' + r.text);
	if (out.length > 4096)
		process.stdout.write(out.splice(0).join('\n') + '\n');
});
rl.on('close', () => {
	if (out.length)
		process.stdout.write(out.join('\n') + '\n');
});
