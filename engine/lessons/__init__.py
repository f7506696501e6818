"""Lessons: guided tours through the seeds that set a panel's experiment, ask the student to
predict, run, and reveal what the engine computed (engine.lessons.schema: the file format;
engine.lessons.answers: a step run and its answer read from the snapshot)."""
