#!/usr/bin/env node
// Checks that proto/a2a.proto is wire-identical to the specification's a2a.proto.
//
//   node proto/check-wire.mjs <path to a2aproject/A2A specification/a2a.proto>
//
// Removes the google.api annotations from the specification's file (they cannot be resolved
// offline and do not affect the wire), compiles both files with buf into descriptor sets
// without source info, and compares the FileDescriptorProtos: package, options, every
// message, field (name, json name, number, type, label, proto3 optional, oneof, options),
// enum value and service method. Exit code 0 = identical, 1 = differences (printed).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const buf = join(here, "..", "packages", "a2a-grpc", "node_modules", ".bin", "buf");
const specPath = process.argv[2];
if (!specPath) {
  console.error("usage: node proto/check-wire.mjs <path to the specification's a2a.proto>");
  process.exit(2);
}

/** The specification's proto without google.api imports, options and field behaviours. */
function stripAnnotations(text) {
  const out = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^import "google\/api\//.test(line)) continue;
    if (/^\s*option \(google\.api\.method_signature\)/.test(line)) continue;
    if (/^\s*option \(google\.api\.http\) = \{/.test(line)) {
      let depth = 0;
      for (; i < lines.length; i++) {
        depth += (lines[i].match(/\{/g) ?? []).length - (lines[i].match(/\}/g) ?? []).length;
        if (depth === 0) break;
      }
      continue;
    }
    out.push(line.replace(/\s*\[\(google\.api\.field_behavior\) = [A-Z_]+\]/g, ""));
  }
  return out.join("\n");
}

/** The descriptor of a2a.proto in `dir`, with empty option objects and ordering normalised. */
function describe(dir) {
  const raw = execFileSync(
    buf,
    [
      "build",
      dir,
      "--exclude-source-info",
      "--path",
      join(dir, "a2a.proto"),
      "-o",
      "-#format=json",
    ],
    { encoding: "utf8" },
  );
  const file = JSON.parse(raw).file.find((f) => f.name === "a2a.proto");
  const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  file.messageType?.sort(byName);
  file.enumType?.sort(byName);
  return JSON.stringify(
    file,
    (_k, v) =>
      v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0
        ? undefined
        : v,
    1,
  );
}

const tmp = mkdtempSync(join(tmpdir(), "a2a-wire-"));
try {
  writeFileSync(join(tmp, "a2a.proto"), stripAnnotations(readFileSync(specPath, "utf8")));
  writeFileSync(join(tmp, "buf.yaml"), "version: v2\n");
  const theirs = describe(tmp).split("\n");
  const ours = describe(here).split("\n");
  const diff = [];
  for (let i = 0; i < Math.max(theirs.length, ours.length); i++) {
    if (theirs[i] !== ours[i])
      diff.push(`line ${i + 1}:\n  spec: ${theirs[i]}\n  ours: ${ours[i]}`);
  }
  if (diff.length === 0) {
    console.log("proto/a2a.proto is wire-identical to", specPath);
  } else {
    console.log(`${diff.length} differing lines (first 20):\n${diff.slice(0, 20).join("\n")}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
