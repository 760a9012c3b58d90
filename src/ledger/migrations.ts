// Versioned schema: migration n takes the database from user_version n-1 to n. They run on open,
// each in its own transaction; a database newer than this code is refused, never guessed at.
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE received_files (
    id            INTEGER PRIMARY KEY,
    ticket        TEXT NOT NULL UNIQUE,
    sender        TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    environment   TEXT NOT NULL CHECK (environment IN ('R', 'T', 'S')),
    received_at   TEXT NOT NULL,
    processed_at  TEXT,
    receipt_code  INTEGER NOT NULL CHECK (receipt_code IN (0, 1)),
    status        TEXT NOT NULL
  );
  CREATE INDEX received_files_name ON received_files (sender, file_name);
  CREATE INDEX received_files_sha ON received_files (sender, sha256);

  CREATE TABLE forms (
    id             INTEGER PRIMARY KEY,
    file_id        INTEGER NOT NULL REFERENCES received_files (id),
    form_index     INTEGER NOT NULL,
    sender         TEXT NOT NULL,
    reference_nbr  TEXT NOT NULL,
    company_id     TEXT NOT NULL,
    quarter        TEXT NOT NULL,
    result_code    INTEGER NOT NULL CHECK (result_code IN (0, 1, 2))
  );
  CREATE INDEX forms_reference ON forms (sender, reference_nbr) WHERE result_code > 0;

  CREATE TABLE workers (
    company_id  TEXT NOT NULL,
    inss        TEXT NOT NULL,
    name        TEXT NOT NULL,
    first_name  TEXT NOT NULL,
    PRIMARY KEY (company_id, inss)
  ) WITHOUT ROWID;
  CREATE INDEX workers_name ON workers (name COLLATE NOCASE);

  CREATE TABLE persons (
    id           INTEGER PRIMARY KEY,
    form_id      INTEGER NOT NULL REFERENCES forms (id),
    sequence_nbr INTEGER NOT NULL,
    company_id   TEXT NOT NULL,
    inss         TEXT NOT NULL,
    result_code  INTEGER NOT NULL
  );
  CREATE INDEX persons_form ON persons (form_id);

  -- Every accepted version of a right; the current one per (employer, worker, year, type) wins.
  CREATE TABLE right_versions (
    id          INTEGER PRIMARY KEY,
    form_id     INTEGER NOT NULL REFERENCES forms (id),
    company_id  TEXT NOT NULL,
    inss        TEXT NOT NULL,
    year        INTEGER NOT NULL,
    right_type  TEXT NOT NULL CHECK (right_type IN ('LEGAL', 'SECTOR', 'EMPLOYER')),
    hours       INTEGER NOT NULL,
    current     INTEGER NOT NULL DEFAULT 1
  );
  CREATE INDEX right_versions_current ON right_versions (company_id, inss, year, right_type) WHERE current = 1;

  -- Every version of a training, identified by (employer, TrainingUserReference).
  CREATE TABLE training_versions (
    id              INTEGER PRIMARY KEY,
    form_id         INTEGER NOT NULL REFERENCES forms (id),
    company_id      TEXT NOT NULL,
    user_reference  TEXT NOT NULL,
    inss            TEXT NOT NULL,
    action          TEXT NOT NULL CHECK (action IN ('CREATE', 'REPLACE', 'CANCEL')),
    cancelled       INTEGER NOT NULL,
    start_day       INTEGER,
    end_day         INTEGER,
    year            INTEGER,
    hours           INTEGER,
    uses_credit     INTEGER NOT NULL,
    right_type      TEXT,
    title           TEXT,
    current         INTEGER NOT NULL DEFAULT 1
  );
  CREATE INDEX training_versions_ref ON training_versions (company_id, user_reference) WHERE current = 1;
  CREATE INDEX training_versions_worker ON training_versions (company_id, inss, year) WHERE current = 1;

  CREATE TABLE findings (
    id          INTEGER PRIMARY KEY,
    file_id     INTEGER NOT NULL REFERENCES received_files (id),
    code        TEXT NOT NULL,
    severity    TEXT NOT NULL,
    scope       TEXT NOT NULL,
    line        INTEGER,
    column_nbr  INTEGER,
    xpath       TEXT,
    keys_json   TEXT,
    value       TEXT,
    message_id  TEXT NOT NULL,
    data_json   TEXT NOT NULL
  );
  CREATE INDEX findings_file ON findings (file_id);

  -- Derived: the counters of COUNTERS.md per employer, worker, window and right type.
  CREATE TABLE counters (
    company_id    TEXT NOT NULL,
    inss          TEXT NOT NULL,
    window_start  INTEGER NOT NULL,
    year          INTEGER NOT NULL,  -- 0 for the window total
    right_type    TEXT NOT NULL,
    granted       INTEGER NOT NULL,
    used          INTEGER NOT NULL,
    PRIMARY KEY (company_id, inss, window_start, year, right_type)
  ) WITHOUT ROWID;

  CREATE TABLE uncovered (
    company_id    TEXT NOT NULL,
    inss          TEXT NOT NULL,
    window_start  INTEGER NOT NULL,
    hours         INTEGER NOT NULL,
    PRIMARY KEY (company_id, inss, window_start)
  ) WITHOUT ROWID;

  -- What each file changed, so that its notification can be written again from the database.
  CREATE TABLE counter_changes (
    file_id       INTEGER NOT NULL REFERENCES received_files (id),
    company_id    TEXT NOT NULL,
    inss          TEXT NOT NULL,
    window_start  INTEGER NOT NULL,
    before_json   TEXT NOT NULL,
    after_json    TEXT NOT NULL,
    PRIMARY KEY (file_id, company_id, inss, window_start)
  ) WITHOUT ROWID;
  `,
  // 2: the answers themselves, stored in the transaction of what they answer, so that an answer
  // lost in a crash between the commit and the file can be written again from the ledger.
  `
  CREATE TABLE answers (
    file_id  INTEGER NOT NULL REFERENCES received_files (id),
    kind     TEXT NOT NULL CHECK (kind IN ('ACRF', 'NOTI')),
    xml      TEXT NOT NULL,
    PRIMARY KEY (file_id, kind)
  ) WITHOUT ROWID;
  `,
  // 3: the mandates of DROPFOLDER.md "Authorisation": which sender may declare for which employer,
  // from and until which day (ISO dates, both inclusive; no end = open-ended).
  `
  CREATE TABLE mandates (
    sender       TEXT NOT NULL,
    company_id   TEXT NOT NULL,
    valid_from   TEXT NOT NULL,
    valid_until  TEXT,
    PRIMARY KEY (sender, company_id, valid_from),
    CHECK (valid_until IS NULL OR valid_until >= valid_from)
  ) WITHOUT ROWID;
  `,
  // 4: answers in parts: a notification for hundreds of thousands of persons outgrows what one
  // string may hold (V8: 512 MB), so it is stored and read back part by part.
  `
  CREATE TABLE answers_parts (
    file_id  INTEGER NOT NULL REFERENCES received_files (id),
    kind     TEXT NOT NULL CHECK (kind IN ('ACRF', 'NOTI')),
    part     INTEGER NOT NULL CHECK (part >= 0),
    xml      TEXT NOT NULL,
    PRIMARY KEY (file_id, kind, part)
  ) WITHOUT ROWID;
  INSERT INTO answers_parts (file_id, kind, part, xml) SELECT file_id, kind, 0, xml FROM answers;
  DROP TABLE answers;
  ALTER TABLE answers_parts RENAME TO answers;
  `,
  // 5: a worker window's counters in one row. They were a row per year and right type (six for a
  // worker with rights of one year) plus an uncovered row and a counter_changes row per file: eight
  // B-tree inserts per applied person, half of what fla process spent in SQLite. The changes of a
  // file are now the windows it last changed (changed_by), with their figures before it; what a
  // file changed stays in its notification, stored in answers.
  `
  CREATE TABLE window_counters (
    company_id        TEXT NOT NULL,
    inss              TEXT NOT NULL,
    window_start      INTEGER NOT NULL,
    legal_granted     INTEGER NOT NULL,
    legal_used        INTEGER NOT NULL,
    sector_granted    INTEGER NOT NULL,
    sector_used       INTEGER NOT NULL,
    employer_granted  INTEGER NOT NULL,
    employer_used     INTEGER NOT NULL,
    uncovered         INTEGER NOT NULL,
    -- Per year of the window with a right or a training, by year, as JSON:
    -- [[year, LEGAL granted, LEGAL used, SECTOR granted, SECTOR used, EMPLOYER granted, EMPLOYER used], ...]
    years             TEXT NOT NULL,
    -- The last file that changed the window, and the window's figures before that file as the
    -- notification shows them (store.ts windowFigures); NULL: nothing before it.
    changed_by        INTEGER REFERENCES received_files (id),
    before_figures    TEXT,
    PRIMARY KEY (company_id, inss, window_start)
  ) WITHOUT ROWID;
  INSERT INTO window_counters (company_id, inss, window_start, legal_granted, legal_used, sector_granted, sector_used, employer_granted, employer_used, uncovered, years)
  SELECT u.company_id, u.inss, u.window_start,
    coalesce(sum(c.granted) FILTER (WHERE c.right_type = 'LEGAL'), 0), coalesce(sum(c.used) FILTER (WHERE c.right_type = 'LEGAL'), 0),
    coalesce(sum(c.granted) FILTER (WHERE c.right_type = 'SECTOR'), 0), coalesce(sum(c.used) FILTER (WHERE c.right_type = 'SECTOR'), 0),
    coalesce(sum(c.granted) FILTER (WHERE c.right_type = 'EMPLOYER'), 0), coalesce(sum(c.used) FILTER (WHERE c.right_type = 'EMPLOYER'), 0),
    u.hours,
    (SELECT json_group_array(json_array(y.year, y.lg, y.lu, y.sg, y.su, y.eg, y.eu) ORDER BY y.year) FROM (
      SELECT year,
        coalesce(sum(granted) FILTER (WHERE right_type = 'LEGAL'), 0) AS lg, coalesce(sum(used) FILTER (WHERE right_type = 'LEGAL'), 0) AS lu,
        coalesce(sum(granted) FILTER (WHERE right_type = 'SECTOR'), 0) AS sg, coalesce(sum(used) FILTER (WHERE right_type = 'SECTOR'), 0) AS su,
        coalesce(sum(granted) FILTER (WHERE right_type = 'EMPLOYER'), 0) AS eg, coalesce(sum(used) FILTER (WHERE right_type = 'EMPLOYER'), 0) AS eu
      FROM counters WHERE company_id = u.company_id AND inss = u.inss AND window_start = u.window_start AND year > 0 GROUP BY year) y)
  FROM uncovered u LEFT JOIN counters c ON c.company_id = u.company_id AND c.inss = u.inss AND c.window_start = u.window_start AND c.year = 0
  GROUP BY u.company_id, u.inss, u.window_start;
  DROP TABLE counters;
  DROP TABLE uncovered;
  DROP TABLE counter_changes;
  ALTER TABLE window_counters RENAME TO counters;
  `,
  // 6: notification parts are stored gzip-compressed (a BLOB): a notification is mostly the same
  // counters markup over and over and shrinks about 25-fold, so that storing it, the commit's
  // checkpoint and reading it back cost a fraction of what 125 MB of text did on the 200 MB bench
  // file. Parts stored before keep 'none'.
  `
  ALTER TABLE answers ADD COLUMN compression TEXT NOT NULL DEFAULT 'none' CHECK (compression IN ('none', 'gzip'));
  `,
  // 7: no index on the workers' names. fla counters --name never searched it (the listing is driven
  // by the counters table and filters on the joined name: the same plan and time with or without
  // it), while keeping it in name order made each new worker an insert at a random place: a quarter
  // of the page reads and writes of fla process on the 200 MB bench file.
  `
  DROP INDEX workers_name;
  `,
  // 8: counters.changed_by without a foreign key. The file it names is inserted by the same
  // transaction that writes the row, before it, so the key never caught anything; but writing a
  // foreign-key column inside the form's savepoint makes SQLite open a statement journal for each
  // counters write, which cost as much as the write itself (a quarter-end file into a ledger that
  // knows its workers: 154,000 counters writes, 0.9 s of 1.6 s).
  `
  CREATE TABLE counters_8 (
    company_id        TEXT NOT NULL,
    inss              TEXT NOT NULL,
    window_start      INTEGER NOT NULL,
    legal_granted     INTEGER NOT NULL,
    legal_used        INTEGER NOT NULL,
    sector_granted    INTEGER NOT NULL,
    sector_used       INTEGER NOT NULL,
    employer_granted  INTEGER NOT NULL,
    employer_used     INTEGER NOT NULL,
    uncovered         INTEGER NOT NULL,
    -- Per year of the window with a right or a training, by year, as JSON:
    -- [[year, LEGAL granted, LEGAL used, SECTOR granted, SECTOR used, EMPLOYER granted, EMPLOYER used], ...]
    years             TEXT NOT NULL,
    -- The last file that changed the window (a received_files id), and the window's figures before
    -- that file as the notification shows them (store.ts windowFigures); NULL: nothing before it.
    changed_by        INTEGER,
    before_figures    TEXT,
    PRIMARY KEY (company_id, inss, window_start)
  ) WITHOUT ROWID;
  INSERT INTO counters_8 SELECT company_id, inss, window_start, legal_granted, legal_used, sector_granted, sector_used, employer_granted, employer_used, uncovered, years, changed_by, before_figures FROM counters;
  DROP TABLE counters;
  ALTER TABLE counters_8 RENAME TO counters;
  `,
  // 9: what the dashboard of `fla report` shows and the ledger did not keep. The employment periods
  // of each worker (one row per start day: a later declaration of the same period sets its end and
  // hours), and per training version its certificate's validity and whether it was declared late
  // (rule 10055-270's test, kept as a fact because the form's creation date is not stored). A LEGAL
  // right keeps the statutory entitlement the declaration gave it (COUNTERS.md; NULL where its
  // workforce or employment was unknown). Rows stored before this migration keep NULL: unknown.
  `
  CREATE TABLE employments (
    company_id  TEXT NOT NULL,
    inss        TEXT NOT NULL,
    start_day   INTEGER NOT NULL,
    end_day     INTEGER,
    mean_hours  INTEGER NOT NULL,
    PRIMARY KEY (company_id, inss, start_day)
  ) WITHOUT ROWID;
  ALTER TABLE training_versions ADD COLUMN certificate_valid_until INTEGER;
  ALTER TABLE training_versions ADD COLUMN late INTEGER CHECK (late IN (0, 1));
  ALTER TABLE right_versions ADD COLUMN entitlement INTEGER;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
