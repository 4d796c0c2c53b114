-- The trainee's experience: the exercises a scenario gives a class (read against each
-- trainee's event log, never stored per trainee) and whether the class is guided (a side
-- panel explains each step). A teacher can switch the guide for the class.
CREATE TABLE class_exercises (
  class_id  INTEGER PRIMARY KEY REFERENCES classes(id) ON DELETE CASCADE,
  exercises TEXT NOT NULL DEFAULT '[]',
  guided    INTEGER NOT NULL DEFAULT 0
);
