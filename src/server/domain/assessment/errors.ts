/** An input the engine refuses to assess; the message is Vietnamese and meant for the teacher. */
export class AssessmentError extends Error {
  constructor(
    message: string,
    /** Student id when known, so callers can name the student. */
    readonly studentId?: string,
  ) {
    super(message);
    this.name = 'AssessmentError';
  }
}
