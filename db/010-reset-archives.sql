-- Nothing a class did is lost by a reset: before every reset (of a class or of one
-- trainee, from the console or the command line) the class's progress table and every
-- workshop debrief of the class are kept as they were, as JSON (ResetSnapshot in
-- server/teacher/types.ts). An archive belongs to its class and is shown to whoever may
-- see the class.
CREATE TABLE reset_archives (
  id           INTEGER PRIMARY KEY,
  class_id     INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
  -- What the archive was kept before: class-reset, trainee-reset or scenario-load.
  reason       TEXT NOT NULL,
  -- Who reset: teacher (teacher_id says which), cli ...
  actor        TEXT NOT NULL,
  -- The teacher who reset; NULL from the command line or once that account is gone.
  teacher_id   INTEGER REFERENCES teachers(id) ON DELETE SET NULL,
  -- The trainee reset alone, by name (the row is replaced by the reset); NULL: the whole class.
  trainee_name TEXT,
  -- Real time, and the time on the class clock just before the reset.
  archived_at  INTEGER NOT NULL,
  class_time   INTEGER NOT NULL,
  snapshot     TEXT NOT NULL
);
CREATE INDEX reset_archives_class ON reset_archives(class_id);
CREATE INDEX reset_archives_teacher ON reset_archives(teacher_id);
