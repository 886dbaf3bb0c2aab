// One error type for everything a caller can be told about, and one mapping to
// HTTP. Anything else that escapes a handler is a bug and becomes a 500.

export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** A hold for an event with the waiting room on, without a live admission token of this fan's. */
  QUEUE_REQUIRED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  /** An Idempotency-Key sent again with a different request. */
  IDEMPOTENCY_KEY_REUSED: 422,
  EMAIL_TAKEN: 409,
  SEAT_UNAVAILABLE: 409,
  LIMIT_EXCEEDED: 409,
  EVENT_NOT_ON_SALE: 409,
  HOLD_EXPIRED: 409,
  ORDER_NOT_PAYABLE: 409,
  WEBHOOK_SIGNATURE_INVALID: 400,
  PAYMENT_DECLINED: 402,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  EMAIL_NOT_VERIFIED: 403,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

export function errorBody(error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}
