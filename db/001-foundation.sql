-- The foundation: classes with their clocks, fictional citizens, key cards, the event log,
-- teacher accounts and the session store.

CREATE TABLE teachers (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  created_at    INTEGER NOT NULL
);

-- A class ("hold") has its own simulated clock: real time plus an offset a teacher moves forward.
CREATE TABLE classes (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name             TEXT NOT NULL,
  scenario         TEXT NOT NULL,
  kind             TEXT NOT NULL DEFAULT 'class' CHECK (kind IN ('class', 'selfstudy')),
  clock_offset_ms  INTEGER NOT NULL DEFAULT 0,
  settings         TEXT NOT NULL,
  generated_count  INTEGER,
  teacher_id       INTEGER REFERENCES teachers(id) ON DELETE SET NULL,
  owner_token_hash TEXT,
  created_at       INTEGER NOT NULL
);

CREATE TABLE citizens (
  id                   INTEGER PRIMARY KEY,
  class_id             INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
  name                 TEXT NOT NULL,
  cpr                  TEXT NOT NULL UNIQUE,
  nemid_number         TEXT NOT NULL UNIQUE,
  user_id              TEXT UNIQUE COLLATE NOCASE,
  password_hash        TEXT,
  temp_password_hash   TEXT,
  -- The scenario's own password (a public training fixture, shown to teachers);
  -- NULL once the trainee has chosen a password of their own.
  known_password       TEXT,
  state                TEXT NOT NULL CHECK (state IN ('pending', 'active', 'locked', 'blocked', 'revoked')),
  lock_code            TEXT,
  locked_until         INTEGER,
  wrong_password_count INTEGER NOT NULL DEFAULT 0,
  had_temporary_lock   INTEGER NOT NULL DEFAULT 0,
  wrong_key_count      INTEGER NOT NULL DEFAULT 0,
  lang                 TEXT NOT NULL DEFAULT 'da',
  -- The starting state from the scenario, so a reset restores it without re-hashing.
  blueprint            TEXT NOT NULL,
  position             INTEGER NOT NULL,
  created_at           INTEGER NOT NULL
);
CREATE INDEX citizens_class ON citizens(class_id, position);

-- Key numbers and codes are derived from the nonce with a server secret kept outside
-- this database, so the file alone never reveals an unused code.
CREATE TABLE keycards (
  id            INTEGER PRIMARY KEY,
  citizen_id    INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  card_number   TEXT NOT NULL UNIQUE,
  nonce         TEXT NOT NULL,
  key_count     INTEGER NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('active', 'sent', 'replaced', 'blocked')),
  reason        TEXT NOT NULL,
  issued_at     INTEGER NOT NULL,
  arrives_at    INTEGER NOT NULL,
  challenge_key TEXT
);
CREATE INDEX keycards_citizen ON keycards(citizen_id, status);

CREATE TABLE used_keys (
  card_id    INTEGER NOT NULL REFERENCES keycards(id) ON DELETE CASCADE,
  key_number TEXT NOT NULL,
  used_at    INTEGER NOT NULL,
  PRIMARY KEY (card_id, key_number)
) WITHOUT ROWID;

-- One row per state change: who, what, which rule, when on the class clock.
CREATE TABLE events (
  id         INTEGER PRIMARY KEY,
  class_id   INTEGER REFERENCES classes(id) ON DELETE CASCADE,
  citizen_id INTEGER REFERENCES citizens(id) ON DELETE CASCADE,
  actor      TEXT NOT NULL,
  type       TEXT NOT NULL,
  rule       TEXT,
  data       TEXT NOT NULL DEFAULT '{}',
  at         INTEGER NOT NULL,
  real_at    INTEGER NOT NULL
);
CREATE INDEX events_class ON events(class_id, id);
CREATE INDEX events_citizen ON events(citizen_id, id);

CREATE TABLE sessions (
  sid        TEXT PRIMARY KEY,
  expires    INTEGER NOT NULL,
  data       TEXT NOT NULL,
  citizen_id INTEGER,
  teacher_id INTEGER
);
CREATE INDEX sessions_citizen ON sessions(citizen_id);
CREATE INDEX sessions_expires ON sessions(expires);
