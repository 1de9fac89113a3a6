#!/usr/bin/env node
// Validates Kubernetes objects (a multi-document YAML file, or standard input) against the API schemas shipped in the
// kubernetes-models package (Kubernetes 1.27), with no network. Every object must be of a kind the schemas know.
// Exit 0: all valid. Exit 1: at least one invalid or unknown object, each named on standard error.
// --json also prints the parsed objects as one JSON array on standard output (the NUnit tests read it).
"use strict";
const fs = require("node:fs");
const YAML = require("yaml");

const args = process.argv.slice(2);
const json = args.includes("--json");
const files = args.filter(a => a !== "--json");
const input = files.length === 0 || files[0] === "-" ? fs.readFileSync(0, "utf8") : fs.readFileSync(files[0], "utf8");

function modelFor(apiVersion, kind) {
  // "v1" is the core group; every other group/version is a module of its own.
  let models;
  try {
    models = require(`kubernetes-models/${apiVersion}`);
  } catch {
    return null;
  }
  const model = models[kind];
  return typeof model === "function" && model.kind === kind && model.apiVersion === apiVersion ? model : null;
}

// kustomize folds long base64 values over several lines; the API server's decoder skips line breaks, the schema's
// "byte" format does not.
function withoutLineBreaksInSecretData(object) {
  if (object.kind !== "Secret" || typeof object.data !== "object" || object.data === null) return object;
  const data = Object.fromEntries(Object.entries(object.data).map(([k, v]) => [k, typeof v === "string" ? v.replace(/[\r\n]/g, "") : v]));
  return { ...object, data };
}

function describe(object, index) {
  const name = object?.metadata?.name ?? "(no name)";
  return `#${index + 1} ${object?.kind ?? "(no kind)"}/${name}`;
}

const problems = [];
const objects = [];
for (const [index, document] of YAML.parseAllDocuments(input).entries()) {
  if (document.errors.length > 0) {
    problems.push(`document #${index + 1}: ${document.errors.map(e => e.message).join("; ")}`);
    continue;
  }
  const object = document.toJS();
  if (object === null || object === undefined) continue;
  objects.push(object);
  if (typeof object !== "object" || Array.isArray(object) || !object.apiVersion || !object.kind) {
    problems.push(`${describe(object, index)}: not a Kubernetes object (apiVersion and kind are required)`);
    continue;
  }
  const Model = modelFor(object.apiVersion, object.kind);
  if (!Model) {
    problems.push(`${describe(object, index)}: no schema for ${object.apiVersion} ${object.kind}`);
    continue;
  }
  if (!object.metadata?.name) problems.push(`${describe(object, index)}: metadata.name is required`);
  try {
    new Model(withoutLineBreaksInSecretData(object)).validate();
  } catch (error) {
    problems.push(`${describe(object, index)}: ${error.message}`);
  }
}

if (objects.length === 0) problems.push("no Kubernetes objects in the input");
if (json) process.stdout.write(JSON.stringify(objects));
for (const problem of problems) console.error(`invalid: ${problem}`);
const kinds = [...new Set(objects.map(o => o?.kind))].sort().join(", ");
console.error(problems.length === 0
  ? `valid: ${objects.length} objects (${kinds})`
  : `${problems.length} problem(s) in ${objects.length} objects`);
process.exit(problems.length === 0 ? 0 : 1);
