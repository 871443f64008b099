/**
 * The field table that drives parsing and serialization. One `MsgDesc` per proto
 * message, built once at module load from a compact spec; private, no semver.
 */

/** Scalar and well-known kinds a field can have. */
export const Kind = {
  String: 0,
  Bool: 1,
  Int32: 2,
  Enum: 3,
  Bytes: 4,
  Timestamp: 5,
  Struct: 6,
  Value: 7,
  Message: 8,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** Implicit presence (dropped at default), explicit presence (kept when set), REQUIRED (always written). */
export const Presence = { Implicit: 0, Explicit: 1, Required: 2 } as const;
export type Presence = (typeof Presence)[keyof typeof Presence];

/** An enum: its names in number order (index = number). */
export interface EnumDesc {
  readonly typeName: string;
  readonly names: readonly string[];
  readonly byName: Readonly<Record<string, true>>;
}

export interface FieldDesc {
  /** camelCase JSON name (the canonical key). */
  readonly name: string;
  /** snake_case proto name. */
  readonly protoName: string;
  readonly kind: Kind;
  readonly presence: Presence;
  readonly repeated: boolean;
  /** map<string, V>: `kind` is the kind of V. */
  readonly map: boolean;
  /** Index of the oneof this field belongs to, or -1. */
  readonly oneof: number;
  /** Bit used to spot the same field given twice (camelCase + snake_case). */
  readonly bit: number;
  readonly message: MsgDesc | undefined;
  readonly enumDesc: EnumDesc | undefined;
  /** The default of a singular scalar/enum (`""`, `0`, `false`, first enum name); else undefined. */
  readonly zero: string | number | boolean | undefined;
}

export interface OneofDesc {
  readonly name: string;
  readonly fields: readonly FieldDesc[];
}

export interface MsgDesc {
  readonly typeName: string;
  /** Fields in declaration order (the order toJson writes them). */
  readonly fields: readonly FieldDesc[];
  /** Both spellings of every field name → field (null prototype). */
  readonly byKey: Readonly<Record<string, FieldDesc>>;
  readonly oneofs: readonly OneofDesc[];
  readonly required: readonly FieldDesc[];
}

/** Field type in a spec: a scalar kind name, an enum or a message. */
export type FieldType =
  | "string"
  | "bool"
  | "int32"
  | "bytes"
  | "timestamp"
  | "struct"
  | "value"
  | EnumDesc
  | MsgDesc;

/** Flags: R = REQUIRED, O = proto3 `optional`, * = repeated, M = map<string, type>. */
export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly flags?: string;
  readonly oneof?: string;
}

export function defineEnum(typeName: string, names: readonly string[]): EnumDesc {
  const byName: Record<string, true> = Object.create(null);
  for (const n of names) byName[n] = true;
  return { typeName, names, byName };
}

function camel(protoName: string): string {
  return protoName.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

const scalarKinds: Record<string, Kind> = {
  string: Kind.String,
  bool: Kind.Bool,
  int32: Kind.Int32,
  bytes: Kind.Bytes,
  timestamp: Kind.Timestamp,
  struct: Kind.Struct,
  value: Kind.Value,
};

/** Builds a message descriptor from field specs given in declaration order. */
export function defineMessage(typeName: string, specs: readonly FieldSpec[]): MsgDesc {
  const fields: FieldDesc[] = [];
  const byKey: Record<string, FieldDesc> = Object.create(null);
  const oneofNames: string[] = [];
  const oneofFields: FieldDesc[][] = [];
  specs.forEach((spec, i) => {
    const flags = spec.flags ?? "";
    const t = spec.type;
    let kind: Kind;
    let message: MsgDesc | undefined;
    let enumDesc: EnumDesc | undefined;
    if (typeof t === "string") {
      kind = scalarKinds[t] as Kind;
    } else if ("names" in t) {
      kind = Kind.Enum;
      enumDesc = t;
    } else {
      kind = Kind.Message;
      message = t;
    }
    const repeated = flags.includes("*");
    const map = flags.includes("M");
    let oneof = -1;
    if (spec.oneof !== undefined) {
      oneof = oneofNames.indexOf(spec.oneof);
      if (oneof < 0) {
        oneof = oneofNames.push(spec.oneof) - 1;
        oneofFields.push([]);
      }
    }
    const singularMessage =
      !repeated &&
      !map &&
      (kind === Kind.Message ||
        kind === Kind.Struct ||
        kind === Kind.Value ||
        kind === Kind.Timestamp);
    const presence: Presence = flags.includes("R")
      ? Presence.Required
      : flags.includes("O") || oneof >= 0 || singularMessage
        ? Presence.Explicit
        : Presence.Implicit;
    const field: FieldDesc = {
      name: camel(spec.name),
      protoName: spec.name,
      kind,
      presence,
      repeated,
      map,
      oneof,
      bit: 2 ** i,
      message,
      enumDesc,
      zero:
        enumDesc !== undefined
          ? enumDesc.names[0]
          : kind === Kind.String || kind === Kind.Bytes
            ? ""
            : kind === Kind.Int32
              ? 0
              : kind === Kind.Bool
                ? false
                : undefined,
    };
    fields.push(field);
    byKey[field.name] = field;
    byKey[field.protoName] = field;
    if (oneof >= 0) oneofFields[oneof]?.push(field);
  });
  return {
    typeName,
    fields,
    byKey,
    oneofs: oneofNames.map((name, i) => ({ name, fields: oneofFields[i] ?? [] })),
    required: fields.filter((f) => f.presence === Presence.Required),
  };
}

const registry = new WeakMap<object, MsgDesc>();

/** Links a public zod schema to its descriptor. */
export function registerSchema(schema: object, desc: MsgDesc): void {
  registry.set(schema, desc);
}

/** The descriptor of a public schema; throws a TypeError for anything else. */
export function descOf(schema: object): MsgDesc {
  const desc = registry.get(schema);
  if (desc === undefined) {
    throw new TypeError(
      "not an A2A message schema: pass one of the exported *Schema objects of @agentmesh/a2a-types (e.g. TaskSchema)",
    );
  }
  return desc;
}

/** Descriptor lookup without throwing. */
export function findDesc(schema: object): MsgDesc | undefined {
  return registry.get(schema);
}
