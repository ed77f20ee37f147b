import { CertificateSchema, type PersonDetail, PersonDetailSchema } from '../../contracts/persons.ts';

type Writer = (value: unknown) => string;

const json: Writer = (value) => {
  const text = JSON.stringify(value);
  // JSON.stringify gives undefined for undefined, functions and symbols: never valid here.
  if (text === undefined) throw new TypeError('person detail: a value JSON cannot represent');
  return text;
};

/**
 * A writer for objects of a known shape: only `keys`, in that order, undefined ones left out, nested values written
 * by `nested` (by key) or JSON.stringify. The same text as JSON.stringify of what zod's encode returns, since zod
 * writes an object's keys in its shape's order and strips the others.
 */
function objectWriter(keys: readonly string[], nested: Readonly<Record<string, Writer>> = {}): Writer {
  const heads = keys.map((k) => `${JSON.stringify(k)}:`);
  const writers = keys.map((k) => nested[k] ?? json);
  return (value) => {
    const record = value as Record<string, unknown>;
    let out = '';
    for (let i = 0; i < keys.length; i++) {
      const v = record[keys[i] as string];
      if (v === undefined) continue;
      out += `${out === '' ? '' : ','}${heads[i]}${v === null ? 'null' : (writers[i] as Writer)(v)}`;
    }
    return `{${out}}`;
  };
}

function arrayWriter(element: Writer): Writer {
  return (value) => {
    if (!Array.isArray(value)) throw new TypeError('person detail: an array was expected');
    return `[${value.map(element).join(',')}]`;
  };
}

const writeDetail = objectWriter(Object.keys(PersonDetailSchema.shape), {
  certificates: arrayWriter(objectWriter(Object.keys(CertificateSchema.shape))),
  householdMembers: arrayWriter(objectWriter(Object.keys(PersonDetailSchema.shape.householdMembers.unwrap().element.shape))),
});

/**
 * The body of `GET /api/v1/persons/{id}`, written directly: the route's response schema (PersonDetailSchema,
 * still what the OpenAPI document shows) otherwise costs a zod encode, which copies and checks every field of
 * every reply, before JSON.stringify. The reply is built by presentDetail and limitFields from typed rows, so the
 * check only repeated what the types say; a test compares this text with zod's for every demo person and role.
 */
export function personDetailJson(detail: Partial<PersonDetail>): string {
  return writeDetail(detail);
}
