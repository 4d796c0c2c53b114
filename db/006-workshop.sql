-- The security workshop (R5): a facilitator stages attacks on a class. What participants
-- do is written to the event log (one event per step); these tables hold only the
-- workshop's plan and the secret token of each participant's look-alike link or call.
-- Nothing here, and nothing in the event log, holds a typed password or key code.

CREATE TABLE workshops (
  id          INTEGER PRIMARY KEY,
  class_id    INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
  teacher_id  INTEGER REFERENCES teachers(id) ON DELETE SET NULL,
  -- On the class clock.
  started_at  INTEGER NOT NULL,
  ended_at    INTEGER,
  created_at  INTEGER NOT NULL
);
CREATE INDEX workshops_class ON workshops(class_id);

-- One staged attack of a workshop and when it starts on the class clock.
CREATE TABLE workshop_attacks (
  id          INTEGER PRIMARY KEY,
  workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('tax-refund', 'locked-letter', 'card-photo', 'support-call')),
  starts_at   INTEGER NOT NULL
);
CREATE INDEX workshop_attacks_workshop ON workshop_attacks(workshop_id);

-- One attack as one participant meets it: the token in their look-alike link (or their
-- call), the letter it came in, and when a call was answered or declined.
CREATE TABLE workshop_targets (
  id          INTEGER PRIMARY KEY,
  attack_id   INTEGER NOT NULL REFERENCES workshop_attacks(id) ON DELETE CASCADE,
  citizen_id  INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  token       TEXT NOT NULL UNIQUE,
  letter_id   INTEGER REFERENCES letters(id) ON DELETE SET NULL,
  closed_at   INTEGER,
  UNIQUE (attack_id, citizen_id)
);
CREATE INDEX workshop_targets_citizen ON workshop_targets(citizen_id);
