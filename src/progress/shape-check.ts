// Small hand-written readers for JSON shapes, each mirroring one zod 4 schema exactly (what it
// accepts and what it returns), so that the journal can be read without loading zod. A reader
// returns a fresh copy of a valid value (keys in the schema's order, as zod returns them) or
// throws a Mismatch naming the path and what was expected.
import { englishCount } from "../core/i18n";

export class Mismatch extends Error {
  constructor(
    readonly path: readonly (string | number)[],
    readonly expected: string,
  ) {
    super(`${path.join(".")}: ${expected}`);
  }
}

export type Reader<T> = (value: unknown, path: readonly (string | number)[]) => T;
export type Fields = Record<string, Reader<unknown>>;
type Read<F extends Fields> = { [K in keyof F]: F[K] extends Reader<infer T> ? T : never };

function at(path: readonly (string | number)[], key: string | number): (string | number)[] {
  return [...path, key];
}

/** z.string(), with .min(n) when `min` is given (length in UTF-16 units, as zod counts). */
export function string(min = 0): Reader<string> {
  return (value, path) => {
    if (typeof value !== "string") throw new Mismatch(path, "expected a string");
    if (value.length < min) throw new Mismatch(path, `expected a string of at least ${englishCount(min, "character", "characters")}`);
    return value;
  };
}

// zod 4's regex for z.iso.datetime({ offset: true }) (regexes.datetime with seconds required and
// any number of fraction digits): a real calendar date, then Z or a ±hh:mm offset.
const DATE =
  "(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))";
const TIME = "(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?";
const ISO_DATE_TIME = new RegExp(`^${DATE}T(?:${TIME}(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$`);

/** z.iso.datetime({ offset: true }) */
export const isoDateTime: Reader<string> = (value, path) => {
  if (typeof value !== "string") throw new Mismatch(path, "expected a string");
  if (!ISO_DATE_TIME.test(value)) throw new Mismatch(path, "expected an ISO 8601 date and time with seconds and Z or an offset");
  return value;
};

/** z.number() (finite), with .int() (a safe integer) and .min(n) as asked. */
export function number(options: { int?: boolean; min?: number } = {}): Reader<number> {
  const { int = false, min } = options;
  return (value, path) => {
    if (typeof value !== "number" || !Number.isFinite(value)) throw new Mismatch(path, "expected a finite number");
    if (int && !Number.isSafeInteger(value)) throw new Mismatch(path, "expected a safe integer");
    if (min !== undefined && value < min) throw new Mismatch(path, `expected a number ≥ ${min}`);
    return value;
  };
}

export const boolean: Reader<boolean> = (value, path) => {
  if (typeof value !== "boolean") throw new Mismatch(path, "expected true or false");
  return value;
};

/** z.literal(x), z.enum([...]) and a union of literals: one of the given primitive values. */
export function oneOf<const T extends string | number>(choices: readonly T[]): Reader<T> {
  const wanted = choices.map((c) => JSON.stringify(c)).join(", ");
  return (value, path) => {
    if (!(choices as readonly unknown[]).includes(value))
      throw new Mismatch(path, `expected ${choices.length === 1 ? wanted : `one of ${wanted}`}`);
    return value as T;
  };
}

export function nullable<T>(read: Reader<T>): Reader<T | null> {
  return (value, path) => (value === null ? null : read(value, path));
}

/** .default(d): undefined (a missing key too) becomes `d`. */
export function withDefault<T>(read: Reader<T>, fallback: () => T): Reader<T> {
  return (value, path) => (value === undefined ? fallback() : read(value, path));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** zod's util.isPlainObject, which z.record demands. */
function isPlainObject(value: unknown): value is Record<PropertyKey, unknown> {
  if (!isObject(value)) return false;
  const ctor = (value as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== "function") return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.hasOwn(proto, "isPrototypeOf");
}

export function array<T>(read: Reader<T>): Reader<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw new Mismatch(path, "expected an array");
    return value.map((item, index) => read(item, at(path, index)));
  };
}

/**
 * z.record(z.string(), …): every own enumerable string key's value is read; a key "__proto__"
 * is passed over unread and left out, as zod does (assigning it would replace the prototype).
 */
export function record<T>(read: Reader<T>): Reader<Record<string, T>> {
  return (value, path) => {
    if (!isPlainObject(value)) throw new Mismatch(path, "expected an object");
    const out: Record<string, T> = {};
    for (const key of Reflect.ownKeys(value)) {
      if (key === "__proto__" || !Object.prototype.propertyIsEnumerable.call(value, key)) continue;
      if (typeof key !== "string") throw new Mismatch(path, "expected string keys");
      out[key] = read(value[key], at(path, key));
    }
    return out;
  };
}

function readFields<F extends Fields>(fields: F, value: Record<string, unknown>, path: readonly (string | number)[]): Read<F> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) {
    // `value[key]`, like zod: a missing key reads as undefined and fails unless defaulted.
    out[key] = fields[key]!(value[key], at(path, key));
  }
  return out as Read<F>;
}

/** z.object({...}): unknown keys are dropped. */
export function object<F extends Fields>(fields: F): Reader<Read<F>> {
  return (value, path) => {
    if (!isObject(value)) throw new Mismatch(path, "expected an object");
    return readFields(fields, value, path);
  };
}

/** z.object({...}).strict(): an unknown key (enumerable, own or inherited, as for…in finds) is an error. */
export function strictObject<F extends Fields>(fields: F): Reader<Read<F>> {
  return (value, path) => {
    if (!isObject(value)) throw new Mismatch(path, "expected an object");
    const out = readFields(fields, value, path);
    for (const key in value) {
      if (!Object.hasOwn(fields, key)) throw new Mismatch(path, `unknown key ${JSON.stringify(key)}`);
    }
    return out;
  };
}
