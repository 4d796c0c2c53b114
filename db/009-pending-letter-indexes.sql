-- The mailbox brings itself up to date on each visit (MailboxService.refresh): letters
-- arrived but not yet notified, and letters past their deadline without a reminder.
-- Without these partial indexes both looked through every letter of the trainee on
-- every visit (0.45 ms a visit with 505 letters); with them only through the few that
-- are pending (docs/benchmarks.md).
CREATE INDEX IF NOT EXISTS letters_unnotified ON letters(citizen_id, delivered_at) WHERE notified_at IS NULL;
CREATE INDEX IF NOT EXISTS letters_unreminded ON letters(citizen_id, deadline)
  WHERE deadline IS NOT NULL AND answered_at IS NULL AND reminded_at IS NULL;
