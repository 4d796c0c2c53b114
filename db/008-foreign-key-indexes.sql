-- An index on every foreign-key column that had none. Deleting a parent row makes SQLite
-- look up its children (to cascade or set null); without an index that is a scan of the
-- whole child table for each deleted row. A reset deletes every letter of a trainee, so
-- resetting a class grew with (letters of the trainee) x (letters and notifications of
-- everyone): minutes for 500 trainees instead of seconds (see docs/benchmarks.md).
CREATE INDEX IF NOT EXISTS letters_reply_to ON letters(reply_to);
CREATE INDEX IF NOT EXISTS letters_folder ON letters(folder_id);
CREATE INDEX IF NOT EXISTS mail_notifications_letter ON mail_notifications(letter_id);
CREATE INDEX IF NOT EXISTS bank_transactions_letter ON bank_transactions(letter_id);
CREATE INDEX IF NOT EXISTS workshop_targets_letter ON workshop_targets(letter_id);
CREATE INDEX IF NOT EXISTS signatures_citizen ON signatures(citizen_id);
CREATE INDEX IF NOT EXISTS tax_answers_citizen ON tax_answers(citizen_id);
CREATE INDEX IF NOT EXISTS exemption_applications_corrects ON exemption_applications(corrects);
CREATE INDEX IF NOT EXISTS classes_teacher ON classes(teacher_id);
CREATE INDEX IF NOT EXISTS teachers_created_by ON teachers(created_by);
CREATE INDEX IF NOT EXISTS workshops_teacher ON workshops(teacher_id);
