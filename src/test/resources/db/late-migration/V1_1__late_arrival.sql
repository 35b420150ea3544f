-- A migration numbered below ones already applied, as when branches merge.
CREATE TABLE late_arrival (id INTEGER NOT NULL PRIMARY KEY);
