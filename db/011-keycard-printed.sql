-- When a key card was last printed for its holder by the class's teacher (class clock),
-- so that "print only new cards" prints only the cards not printed before: a class's
-- first cards, or a renewed card once it has arrived (issue 14 item 11).
ALTER TABLE keycards ADD COLUMN printed_at INTEGER;
