-- The teacher console: each class gets a join code (a trainee types it to find their
-- class and the teacher's instructions) and instructions; a teacher account remembers
-- which teacher created it (NULL: created with the command line).
ALTER TABLE classes ADD COLUMN join_code TEXT;
ALTER TABLE classes ADD COLUMN instructions TEXT NOT NULL DEFAULT '';

-- Classes made before this migration get a join code here; new ones get theirs when
-- they are inserted (ClassRepository.insert). The letters cannot be mistaken for digits.
UPDATE classes SET join_code =
  substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', 1 + abs(random()) % 31, 1) ||
  substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', 1 + abs(random()) % 31, 1) ||
  substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', 1 + abs(random()) % 31, 1) ||
  substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', 1 + abs(random()) % 31, 1) ||
  substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', 1 + abs(random()) % 31, 1) ||
  substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', 1 + abs(random()) % 31, 1);
CREATE UNIQUE INDEX classes_join_code ON classes(join_code);

ALTER TABLE teachers ADD COLUMN created_by INTEGER REFERENCES teachers(id) ON DELETE SET NULL;
