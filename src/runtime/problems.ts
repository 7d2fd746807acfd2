/** RFC 9457 problem details: every error `serve` answers is one of these, as application/problem+json. */
import { reasonPhrase } from '../http-status.js';

export const PROBLEM_TYPE = 'application/problem+json';

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

const SLUGS: Record<number, string> = {
  400: 'validation-error', 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 405: 'method-not-allowed', 409: 'conflict',
  413: 'body-too-large', 415: 'unsupported-media-type', 429: 'rate-limited', 500: 'internal-error', 501: 'not-implemented', 503: 'unavailable',
};

/** A problem for `status`; `instance` is the request path. */
export function problem(status: number, detail: string, instance: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `urn:featspec:problem:${SLUGS[status] ?? 'error'}`,
    title: reasonPhrase(status) ?? 'Error',
    status,
    detail,
    instance,
    ...extra,
  };
}

export function validationProblem(errors: FieldError[], instance: string): Problem {
  const n = errors.length;
  const detail = n === 1 ? `${errors[0]!.field}: ${errors[0]!.message}` : `${n} fields are invalid`;
  return problem(400, detail, instance, { errors });
}

/** Thrown by handlers to answer a problem (caught by the app's error handler). */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }

  toProblem(instance: string): Problem {
    return problem(this.status, this.message, instance, this.errors ? { errors: this.errors } : {});
  }
}
