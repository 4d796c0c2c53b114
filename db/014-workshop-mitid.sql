-- The workshop's MitID attacks (issue 16 item 4, docs/mitid.md "The workshop's MitID
-- attacks"): three more attack kinds, and which staged MitID app request belongs to which
-- participant's target. SQLite cannot change a CHECK in place, so workshop_attacks is
-- built again; its child workshop_targets with it, so that dropping the old table cascades
-- into nothing.

CREATE TABLE workshop_attacks_new (
  id          INTEGER PRIMARY KEY,
  workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('tax-refund', 'locked-letter', 'card-photo', 'support-call', 'mitid-push', 'mitid-call', 'mitid-letter')),
  starts_at   INTEGER NOT NULL
);
INSERT INTO workshop_attacks_new (id, workshop_id, kind, starts_at) SELECT id, workshop_id, kind, starts_at FROM workshop_attacks;

CREATE TABLE workshop_targets_new (
  id          INTEGER PRIMARY KEY,
  attack_id   INTEGER NOT NULL REFERENCES workshop_attacks_new(id) ON DELETE CASCADE,
  citizen_id  INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  token       TEXT NOT NULL UNIQUE,
  letter_id   INTEGER REFERENCES letters(id) ON DELETE SET NULL,
  closed_at   INTEGER,
  UNIQUE (attack_id, citizen_id)
);
INSERT INTO workshop_targets_new (id, attack_id, citizen_id, token, letter_id, closed_at) SELECT id, attack_id, citizen_id, token, letter_id, closed_at FROM workshop_targets;

DROP TABLE workshop_targets;
DROP TABLE workshop_attacks;
ALTER TABLE workshop_attacks_new RENAME TO workshop_attacks;
ALTER TABLE workshop_targets_new RENAME TO workshop_targets;
CREATE INDEX workshop_attacks_workshop ON workshop_attacks(workshop_id);
CREATE INDEX workshop_targets_citizen ON workshop_targets(citizen_id);
CREATE INDEX workshop_targets_letter ON workshop_targets(letter_id);

-- A request the workshop put in a participant's MitID app (push fatigue, the caller's, the
-- look-alike's relayed login): the approval itself is the mitid_requests row.
CREATE TABLE workshop_mitid_requests (
  request_id  INTEGER PRIMARY KEY REFERENCES mitid_requests(id) ON DELETE CASCADE,
  target_id   INTEGER NOT NULL REFERENCES workshop_targets(id) ON DELETE CASCADE
);
CREATE INDEX workshop_mitid_requests_target ON workshop_mitid_requests(target_id);
