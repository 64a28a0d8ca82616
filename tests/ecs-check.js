// tests/ecs-check.js ECS_DIR [FILE...]: check irm's JSON lines against
// ECS's flat field list (the npm package @elastic/ecs, EcsFlat, in
// ECS_DIR), reading FILE or the standard input.  Every field must be an
// ECS field of the right type (irm.* and o365.* are irm's own), an array
// exactly where ECS normalizes to one, and event.kind, event.category,
// event.type and event.outcome allowed values, the types expected with
// the categories.  Every event carries ecs.version and event.kind;
// event.kind "signal" is Elastic's detection engine's.  irm's own
// conventions too: host.name lower-cased, user.email and user.domain
// where an event's (not an insight's) user.name is an address.  Prints
// one line per kind of problem (how many, the first line that showed it)
// and exits 1 when there is one.
'use strict';
const fs = require('fs');
const net = require('net');
const path = require('path');
const readline = require('readline');

const ecs = require(path.resolve(process.argv[2]));
const flat = ecs.EcsFlat;
const ours = /^(irm|o365)\./;
const problems = new Map();
let lines = 0;

function bad(kind, where) {
	const p = problems.get(kind);
	if (p)
		p.n++;
	else
		problems.set(kind, {n: 1, where: where});
}

function typeOk(type, v) {
	switch (type) {
	case 'keyword': case 'constant_keyword': case 'wildcard':
	case 'match_only_text': case 'text':
		return typeof v === 'string';
	case 'date':
		return (typeof v === 'string' &&
		    /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/.test(v) &&
		    !isNaN(Date.parse(v))) || Number.isInteger(v);
	case 'ip':
		return typeof v === 'string' && net.isIP(v) !== 0;
	case 'long': case 'integer': case 'short': case 'byte':
		return Number.isInteger(v);
	case 'float': case 'double': case 'scaled_float': case 'half_float':
		return typeof v === 'number';
	case 'boolean':
		return typeof v === 'boolean';
	case 'geo_point':
		return typeof v === 'object' || typeof v === 'string';
	default:
		return true; // object, flattened, nested: any JSON
	}
}

function leaf(name, v, where, doc) {
	const f = flat[name];
	if (!f) {
		bad('not an ECS field: ' + name, where);
		return;
	}
	const isArr = Array.isArray(v);
	const wantArr = (f.normalize || []).includes('array');
	if (isArr && !wantArr)
		bad('an array where ECS expects one value: ' + name, where);
	if (!isArr && wantArr)
		bad('one value where ECS normalizes to an array: ' + name, where);
	for (const x of isArr ? v : [v]) {
		if (!typeOk(f.type, x))
			bad('not of type ' + f.type + ': ' + name + ' ' +
			    JSON.stringify(x).slice(0, 60), where);
		if (f.allowed_values &&
		    !f.allowed_values.some((a) => a.name === x))
			bad('not an allowed value: ' + name + ' ' +
			    JSON.stringify(x), where);
	}
}

function walk(prefix, o, where, doc) {
	for (const k of Object.keys(o)) {
		const name = prefix ? prefix + '.' + k : k;
		const v = o[k];
		if (ours.test(name + '.'))
			continue;
		const f = flat[name];
		if (v !== null && typeof v === 'object' && !Array.isArray(v) &&
		    !(f && ['object', 'flattened', 'nested', 'geo_point'].includes(f.type)))
			walk(name, v, where, doc);
		else
			leaf(name, v, where, doc);
	}
}

function get(doc, name) {
	let o = doc;
	for (const k of name.split('.')) {
		if (o === null || typeof o !== 'object')
			return undefined;
		o = o[k];
	}
	return o;
}

function pairs(doc, where) {
	const cats = [].concat(get(doc, 'event.category') || []);
	const types = [].concat(get(doc, 'event.type') || []);
	const expected = {};
	for (const a of flat['event.category'].allowed_values)
		expected[a.name] = a.expected_event_types || [];
	for (const t of types)
		if (cats.length && !cats.some((c) => (expected[c] || []).includes(t)))
			bad('event.type ' + t + ' not expected with event.category ' +
			    cats.join(','), where);
	for (const c of cats)
		if (types.length && expected[c] &&
		    !types.some((t) => expected[c].includes(t)))
			bad('event.category ' + c + ' with none of its types (' +
			    types.join(',') + ')', where);
}

function conventions(doc, where) {
	if (get(doc, 'ecs.version') === undefined)
		bad('no ecs.version', where);
	const kind = get(doc, 'event.kind');
	if (kind === undefined)
		bad('no event.kind', where);
	if (kind === 'signal')
		bad('event.kind signal (Elastic detection engine\'s own)', where);
	const host = get(doc, 'host.name');
	if (typeof host === 'string' && host !== host.toLowerCase())
		bad('host.name not lower-cased', where);
	const user = get(doc, 'user.name');
	if (get(doc, 'irm.activity') !== undefined && typeof user === 'string' &&
	    /^[^@\s]+@[^@\s]+$/.test(user)) {
		if (get(doc, 'user.email') !== user)
			bad('user.name is an address but user.email is not it', where);
		if (get(doc, 'user.domain') !== user.replace(/^.*@/, ''))
			bad('user.name is an address but user.domain is not its domain', where);
	}
}

async function main() {
	const files = process.argv.slice(3);
	for (const file of files.length ? files : ['-']) {
		const input = file === '-' ? process.stdin : fs.createReadStream(file);
		const rl = readline.createInterface({input: input, crlfDelay: Infinity});
		let n = 0;
		for await (const line of rl) {
			n++;
			if (line === '')
				continue;
			lines++;
			const where = file + ':' + n;
			let doc;
			try {
				doc = JSON.parse(line.replace(/^[^{]*\t/, ''));
			} catch (e) {
				bad('not JSON', where);
				continue;
			}
			walk('', doc, where, doc);
			pairs(doc, where);
			conventions(doc, where);
		}
	}
	const kinds = [...problems.keys()].sort();
	for (const k of kinds) {
		const p = problems.get(k);
		console.log(k + ' (' + p.n + ' times, first ' + p.where + ')');
	}
	console.log('ecs ' + ecs.EcsVersion + ': ' + lines + ' lines, ' +
	    kinds.length + ' kinds of problem');
	process.exitCode = kinds.length ? 1 : 0;
}

main();
