-- Getting a NemID (R6-R8) and exemption from Digital Post (R16-R21).

-- R7: a NemID issued by a bank is often not activated for public self-service (Digital
-- Post, the tax folder, the citizen portal) until the bank activates it. 1 for every
-- NemID from Borgerservice or a scenario; 0 for a bank NemID not yet activated.
ALTER TABLE citizens ADD COLUMN public_access INTEGER NOT NULL DEFAULT 1;

-- fritagelse for Digital Post: every application handed in at Borgerservice and the
-- case worker's decision, made at once (R17). A granted exemption has no end date; it
-- ends only when the citizen applies to end it (ended_at, R20).
CREATE TABLE exemption_applications (
  id               INTEGER PRIMARY KEY,
  citizen_id       INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  id_document      TEXT NOT NULL,
  reason           TEXT NOT NULL,
  other_reason     TEXT,
  decision         TEXT NOT NULL CHECK (decision IN ('granted', 'rejected')),
  -- JSON list of why it was rejected ('no-valid-id', 'no-valid-reason'); [] when granted.
  rejections       TEXT NOT NULL DEFAULT '[]',
  -- The rejected application this one corrects (R18), if any.
  corrects         INTEGER REFERENCES exemption_applications(id) ON DELETE SET NULL,
  decided_at       INTEGER NOT NULL,
  -- The decision confirmed in writing, on request (R18).
  attested_at      INTEGER,
  -- How many unread letters were sent on as paper post when granted (R19).
  letters_to_paper INTEGER NOT NULL DEFAULT 0,
  ended_at         INTEGER
);
CREATE INDEX exemption_applications_citizen ON exemption_applications(citizen_id, id);

-- R21: senders outside the exemption (SU-styrelsen, employers, companies) that the exempt
-- citizen has contacted: from then on they post on paper too.
CREATE TABLE exemption_contacted_senders (
  citizen_id   INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  sender_key   TEXT NOT NULL,
  contacted_at INTEGER NOT NULL,
  PRIMARY KEY (citizen_id, sender_key)
) WITHOUT ROWID;
