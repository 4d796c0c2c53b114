-- MitID beside NemID (issue 16, docs/mitid.md). A citizen may hold NemID, MitID or both:
-- the NemID is the citizens row as before; a MitID is a row here. Whether the citizen also
-- holds the NemID is `holds_nemid` (0 = MitID only: the NemID login does not know them).

CREATE TABLE mitid_identities (
  citizen_id     INTEGER PRIMARY KEY REFERENCES citizens(id) ON DELETE CASCADE,
  -- MitID's own user ID [S1]: 5-48 characters, upper or lower case make no difference.
  user_id        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  -- The MitID password, asked after a code display's code [S11]; the scenario's own
  -- password is kept for the teacher (a public training fixture, as for NemID).
  password_hash  TEXT NOT NULL,
  known_password TEXT NOT NULL,
  holds_nemid    INTEGER NOT NULL DEFAULT 1,
  -- The whole MitID can be blocked (suspected misuse) [S19].
  state          TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'blocked')),
  -- MitID remembers the authenticator used last [S4].
  last_kind      TEXT,
  created_at     INTEGER NOT NULL
);

-- The authenticators the trainee holds: the app, a code display.
CREATE TABLE mitid_authenticators (
  id               INTEGER PRIMARY KEY,
  citizen_id       INTEGER NOT NULL REFERENCES mitid_identities(citizen_id) ON DELETE CASCADE,
  kind             TEXT NOT NULL CHECK (kind IN ('app', 'code-display')),
  -- A fictional serial number (code display) or device name (app).
  label            TEXT NOT NULL,
  -- 'suspended' = temporarily blocked after wrong codes [S13], until suspended_until.
  state            TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'suspended', 'blocked')),
  suspended_until  INTEGER,
  wrong_count      INTEGER NOT NULL DEFAULT 0,
  -- The code display's code now on its screen; each code counts once (used_at set).
  code             TEXT,
  code_shown_at    INTEGER,
  code_used_at     INTEGER,
  UNIQUE (citizen_id, kind)
);

-- A request to approve in the app: the service that asks, its action and text [S33], until
-- the trainee approves or rejects it, or it times out on the class clock.
CREATE TABLE mitid_requests (
  id          INTEGER PRIMARY KEY,
  citizen_id  INTEGER NOT NULL REFERENCES mitid_identities(citizen_id) ON DELETE CASCADE,
  service     TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('LOG_ON', 'APPROVE', 'CONFIRM', 'ACCEPT', 'SIGN')),
  reference   TEXT,
  state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected', 'expired', 'cancelled')),
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  decided_at  INTEGER
);
CREATE INDEX mitid_requests_citizen ON mitid_requests(citizen_id, state);
