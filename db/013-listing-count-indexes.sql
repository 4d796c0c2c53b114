-- Every mailbox page counts the trainee's letters: the inbox's total (for its pages), its
-- unread letters and the unread paper post (the menu's figures). Through
-- letters_citizen each count read every letter of the trainee from the table to test
-- channel, direction, folder, trash and read; with a full mailbox (505 letters) the
-- three counts and the inbox's list took about half a millisecond of each page. These
-- partial indexes hold just the letters each count is about, with the columns it tests
-- (SQLite checks them again), so a count reads only the index (docs/benchmarks.md, "CPU per page with 505 letters").
CREATE INDEX IF NOT EXISTS letters_inbox ON letters(citizen_id, delivered_at, channel, direction, trashed_at, folder_id)
  WHERE channel = 'digital' AND direction = 'in' AND trashed_at IS NULL AND folder_id IS NULL;
CREATE INDEX IF NOT EXISTS letters_unread ON letters(citizen_id, delivered_at, channel, direction, read_at, trashed_at)
  WHERE channel = 'digital' AND direction = 'in' AND read_at IS NULL AND trashed_at IS NULL;
CREATE INDEX IF NOT EXISTS letters_paper_unread ON letters(citizen_id, delivered_at, channel, read_at)
  WHERE channel = 'paper' AND read_at IS NULL;
-- The exercise news asks on every page whether the trainee has an event of the
-- exercises' types since the last one celebrated; through events_citizen that read every
-- later event (one per letter delivered, 500 after a batch). By type it is one look-up
-- per type.
CREATE INDEX IF NOT EXISTS events_citizen_type ON events(citizen_id, type, id);
