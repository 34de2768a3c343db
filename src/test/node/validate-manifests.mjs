// node validate-manifests.mjs FILE: validates every document of a multi-document YAML file (helm
// template's output) against the JSON schema of its apiVersion and kind, as kubernetes-models bundles
// them (Kubernetes' own OpenAPI schemas; the Prometheus Operator's CRDs). Prints one line per
// document; exits 1 when any document is invalid or of a kind without a schema.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const operatorGroups = new Set(["monitoring.coreos.com"]);

function modulePath(apiVersion, kind) {
  const slash = apiVersion.indexOf("/");
  if (slash < 0) {
    return `kubernetes-models/${apiVersion}/${kind}`;
  }
  const group = apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  const root = operatorGroups.has(group) ? "@kubernetes-models/prometheus-operator" : "kubernetes-models";
  return `${root}/${group}/${version}/${kind}`;
}

let failed = 0;
for (const document of parseAllDocuments(readFileSync(process.argv[2], "utf8"))) {
  if (document.errors.length > 0) {
    console.log(`INVALID YAML: ${document.errors.map((e) => e.message).join("; ")}`);
    failed++;
    continue;
  }
  const manifest = document.toJS();
  if (manifest === null || manifest === undefined) {
    continue;
  }
  const { apiVersion, kind } = manifest;
  const label = `${apiVersion}/${kind} ${manifest.metadata?.name}`;
  let model;
  try {
    model = (await import(modulePath(String(apiVersion), String(kind))))[kind];
  } catch (noSchema) {
    model = undefined;
  }
  if (typeof model !== "function") {
    console.log(`UNKNOWN ${label}: no schema for this apiVersion and kind`);
    failed++;
    continue;
  }
  try {
    new model(manifest).validate();
    console.log(`VALID ${label}`);
  } catch (invalid) {
    console.log(`INVALID ${label}: ${invalid.message}`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
