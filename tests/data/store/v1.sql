-- A version-1 jishi store (the schema before cross-report merging), with
-- one document and one event, for the migration test. Written by hand from
-- the version-1 schema.
CREATE TABLE documents(id TEXT PRIMARY KEY, url TEXT, dateline TEXT, anchor TEXT, script TEXT, sha256 TEXT NOT NULL, bytes INTEGER, ingested TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE entities(doc TEXT NOT NULL, eid TEXT NOT NULL, type TEXT, name TEXT, country TEXT, actor TEXT, PRIMARY KEY(doc, eid));
CREATE TABLE mentions(doc TEXT NOT NULL, eid TEXT NOT NULL, start INTEGER, end INTEGER);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE TABLE times(doc TEXT NOT NULL, start INTEGER, end INTEGER, text TEXT, type TEXT, value TEXT, mod TEXT, tz TEXT, anchor TEXT);
CREATE INDEX times_doc ON times(doc);
CREATE TABLE quotes(doc TEXT NOT NULL, qid INTEGER NOT NULL, start INTEGER, end INTEGER, text TEXT, kind TEXT, speaker TEXT, addressee TEXT, cue TEXT, PRIMARY KEY(doc, qid));
CREATE TABLE events(doc TEXT NOT NULL, vid TEXT NOT NULL, cameo TEXT, root TEXT, plover TEXT, quad INTEGER, day TEXT, place TEXT, duration TEXT, status TEXT, start INTEGER, end INTEGER, evidence TEXT, PRIMARY KEY(doc, vid));
CREATE INDEX events_day ON events(day);
CREATE INDEX events_cameo ON events(cameo);
CREATE TABLE event_actors(doc TEXT NOT NULL, vid TEXT NOT NULL, side TEXT NOT NULL CHECK(side IN ('source','target')), ref TEXT, name TEXT, country TEXT, actor TEXT);
CREATE INDEX event_actors_ev ON event_actors(doc, vid);
CREATE INDEX event_actors_name ON event_actors(name);
CREATE INDEX event_actors_country ON event_actors(country);
CREATE VIRTUAL TABLE fts USING fts5(doc UNINDEXED, kind UNINDEXED, text, tokenize='trigram');

INSERT INTO documents VALUES('old-doc', NULL, NULL, '2024-01-01', 'hans', 'x', 10, '2024-01-01T00:00:00Z', '{}');
INSERT INTO events VALUES('old-doc', 'v1', '040', '04', 'CONSULT', 1, '2024-01-01', NULL, NULL, 'asserted', 0, 5, '习近平会见');
INSERT INTO event_actors VALUES('old-doc', 'v1', 'source', 'e1', '习近平', 'CHN', 'CHNGOV');
PRAGMA user_version=1;
