-- Digital Post: every NemID holder's mailbox, letters with attachments, folders,
-- notifications, the senders of a class, the letters a scenario gives, signatures,
-- the personal tax folder's answers and the online bank.

-- R8: getting NemID creates the mailbox. Every citizen row is a NemID holder, so the
-- trigger below creates the mailbox in the same transaction as the citizen, by any path.
CREATE TABLE mailboxes (
  citizen_id   INTEGER PRIMARY KEY REFERENCES citizens(id) ON DELETE CASCADE,
  created_at   INTEGER NOT NULL,
  -- fritaget for Digital Post (R16-R21): letters go to the paper-post tray instead.
  exempt       INTEGER NOT NULL DEFAULT 0,
  notify_email INTEGER NOT NULL DEFAULT 1,
  email        TEXT,
  notify_sms   INTEGER NOT NULL DEFAULT 0,
  phone        TEXT
);

CREATE TRIGGER citizens_get_a_mailbox AFTER INSERT ON citizens
BEGIN
  INSERT INTO mailboxes (citizen_id, created_at) VALUES (NEW.id, NEW.created_at);
END;

CREATE TABLE mail_folders (
  id         INTEGER PRIMARY KEY,
  citizen_id INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (citizen_id, name COLLATE NOCASE)
);

-- One letter in one citizen's mailbox (channel 'digital') or paper-post tray ('paper').
-- Incoming letters have direction 'in'; what the citizen writes, answers or forwards
-- is kept as direction 'out' (the Sent folder). Subject and body are JSON {da, en?, de?}.
CREATE TABLE letters (
  id            INTEGER PRIMARY KEY,
  citizen_id    INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  channel       TEXT NOT NULL CHECK (channel IN ('digital', 'paper')),
  direction     TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  kind          TEXT NOT NULL DEFAULT 'letter',
  sender_key    TEXT,
  sender_name   TEXT NOT NULL,
  recipient     TEXT,
  subject       TEXT NOT NULL,
  body          TEXT NOT NULL,
  answerable    INTEGER NOT NULL DEFAULT 0,
  deadline      INTEGER,
  -- On the class clock; a time in the future means the letter has not arrived yet.
  delivered_at  INTEGER NOT NULL,
  read_at       INTEGER,
  answered_at   INTEGER,
  reminded_at   INTEGER,
  notified_at   INTEGER,
  folder_id     INTEGER REFERENCES mail_folders(id) ON DELETE SET NULL,
  trashed_at    INTEGER,
  reply_to      INTEGER REFERENCES letters(id) ON DELETE SET NULL,
  data          TEXT NOT NULL DEFAULT '{}',
  created_at    INTEGER NOT NULL
);
CREATE INDEX letters_citizen ON letters(citizen_id, delivered_at);

-- A generated attachment keeps its generator and data and is drawn as a PDF when
-- opened; an uploaded one keeps its bytes.
CREATE TABLE letter_attachments (
  id        INTEGER PRIMARY KEY,
  letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
  filename  TEXT NOT NULL,
  mime      TEXT NOT NULL,
  size      INTEGER,
  content   BLOB,
  generator TEXT,
  spec      TEXT
);
CREATE INDEX letter_attachments_letter ON letter_attachments(letter_id);

-- Simulated e-mail and SMS about new mail; the trainee reads this log.
CREATE TABLE mail_notifications (
  id         INTEGER PRIMARY KEY,
  citizen_id INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  letter_id  INTEGER REFERENCES letters(id) ON DELETE CASCADE,
  channel    TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  address    TEXT NOT NULL,
  text       TEXT NOT NULL,
  at         INTEGER NOT NULL
);
CREATE INDEX mail_notifications_citizen ON mail_notifications(citizen_id, at);

-- The senders of a class: the standard ones (seed/senders.yaml) and the scenario's own.
CREATE TABLE mail_senders (
  class_id   INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
  key        TEXT NOT NULL,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  writable   INTEGER NOT NULL,
  auto_reply TEXT,
  PRIMARY KEY (class_id, key)
) WITHOUT ROWID;

-- Letters a scenario gives: to every trainee (profile_index NULL) or to one profile
-- (trainee position modulo profile_count). A reset copies them in again.
CREATE TABLE scenario_letters (
  id            INTEGER PRIMARY KEY,
  class_id      INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
  profile_index INTEGER,
  profile_count INTEGER NOT NULL,
  template      TEXT NOT NULL
);
CREATE INDEX scenario_letters_class ON scenario_letters(class_id);

-- R3: a document signed with NemID. The MAC covers the document's hash, the signer and
-- the time, so a changed document or a changed signature is detected.
CREATE TABLE signatures (
  id            INTEGER PRIMARY KEY,
  letter_id     INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
  citizen_id    INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  signer_name   TEXT NOT NULL,
  nemid_number  TEXT NOT NULL,
  signed_at     INTEGER NOT NULL,
  document_hash TEXT NOT NULL,
  mac           TEXT NOT NULL
);
CREATE UNIQUE INDEX signatures_letter ON signatures(letter_id);

-- The personal tax folder: answers to the year's tax assessment.
CREATE TABLE tax_answers (
  id         INTEGER PRIMARY KEY,
  citizen_id INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  year       INTEGER NOT NULL,
  answer     TEXT NOT NULL,
  at         INTEGER NOT NULL
);

-- The online bank: one account per citizen, money in øre; the opening balance a class's scenario gives.
CREATE TABLE bank_classes (
  class_id    INTEGER PRIMARY KEY REFERENCES classes(id) ON DELETE CASCADE,
  opening_ore INTEGER NOT NULL
);

CREATE TABLE bank_accounts (
  citizen_id     INTEGER PRIMARY KEY REFERENCES citizens(id) ON DELETE CASCADE,
  account_number TEXT NOT NULL,
  opening_ore    INTEGER NOT NULL
);

CREATE TABLE bank_transactions (
  id         INTEGER PRIMARY KEY,
  citizen_id INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  at         INTEGER NOT NULL,
  text       TEXT NOT NULL,
  amount_ore INTEGER NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('salary', 'transfer', 'other')),
  letter_id  INTEGER REFERENCES letters(id) ON DELETE SET NULL,
  data       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX bank_transactions_citizen ON bank_transactions(citizen_id, at);
