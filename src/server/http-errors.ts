// Every error the server answers with: `{"error": CODE, "message": TEXT}` and its status.
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string): { error: string; message: string } {
  return { error: code, message };
}
