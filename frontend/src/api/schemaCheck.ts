// Compile-time check that the backend's OpenAPI schema (src/api/schema.d.ts, written by
// `npm run gen:api`) still provides what the client relies on. A renamed, removed or
// retyped field, or a component that is missing altogether, makes `vue-tsc` (and so
// `npm run build`) fail: nothing is skipped.
// The exam contract (Attempt, AnswerAck, ...) is not hand-written at all: ./types.ts takes
// it from the schema, and the last check below names every component it needs.
import type { components } from './schema'
import type * as T from './types'

type Schemas = components['schemas']

/** Loose generated types ({[key: string]: unknown}, unknown) cannot be checked field by field. */
type IsLoose<X> = unknown extends X
  ? true
  : X extends readonly (infer I)[]
    ? IsLoose<I>
    : string extends keyof X
      ? true
      : false

/** A method field documented as plain `string` may back a literal union on the client. */
type WidenedString<G, H> = string extends G ? ([H] extends [string] ? true : false) : false

type FieldOk<G, H> =
  IsLoose<NonNullable<G>> extends true
    ? true
    : NonNullable<G> extends NonNullable<H>
      ? true
      : WidenedString<NonNullable<G>, NonNullable<H>>

/** For each field the client reads: the schema has it, with a compatible type. */
type Mismatches<G, H> = {
  [K in keyof H]-?: K extends keyof G ? (FieldOk<G[K], H[K]> extends true ? never : K) : K
}[keyof H]

/** A missing component is an error too (its name is shown), never a skipped check. */
type Check<Name extends string, H> = Name extends keyof Schemas
  ? Mismatches<Schemas[Name], H>
  : `missing component ${Name}`

/** For what the client sends: its input type must satisfy the schema's request type. */
type SendCheck<Name extends string, H> = Name extends keyof Schemas
  ? H extends Schemas[Name]
    ? never
    : Name
  : `missing component ${Name}`

/** Components the client takes from the schema directly: each must exist, and be typed. */
type Present<Names extends string> = {
  [N in Names]: N extends keyof Schemas ? (IsLoose<Schemas[N]> extends true ? `untyped ${N}` : never) : `missing component ${N}`
}[Names]

type Expect<X extends never> = X

// Each line names the component; the error shows the offending field or component name.
export type SchemaChecks = [
  Expect<Check<'Me', T.Me>>,
  Expect<Check<'UnitBrief', T.UnitRef>>,
  Expect<SendCheck<'LoginRequest', T.LoginInput>>,
  Expect<SendCheck<'PasswordChangeRequest', T.PasswordInput>>,
  Expect<Check<'ExamCard', T.ExamCard>>,
  Expect<Check<'ExamDetail', T.ExamDetail>>,
  Expect<
    Present<
      | 'Attempt'
      | 'AttemptQuestion'
      | 'AttemptOption'
      | 'StoredAnswer'
      | 'Result'
      | 'ResultItem'
      | 'SourceRef'
      | 'KnowledgePointScore'
      | 'AnswerPutRequest'
      | 'AnswerItemRequest'
      | 'AnswerAck'
      | 'BatchSaveRequest'
      | 'BatchSaveReply'
      | 'AttemptEventReply'
      | 'AttemptClock'
      | 'SubmitReply'
    >
  >,
]
