-- Blocking and the issuer (R13-R15): the issuer's operator accounts, why a NemID is
-- blocked, and when a temporary password sent by support may be used (it is printed in
-- a letter that arrives by paper post after 3-4 working days, or handed over in person).

CREATE TABLE operators (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  created_at    INTEGER NOT NULL
);

-- spærringsårsag: the reason given for the current block or revocation (NULL when active).
ALTER TABLE citizens ADD COLUMN block_reason TEXT;
-- A temporary password from support works from this time on the class clock (NULL: none
-- from support; a pending citizen's welcome-letter password has no such time).
ALTER TABLE citizens ADD COLUMN temp_password_from INTEGER;
