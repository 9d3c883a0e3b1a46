-- A rerun keeps how it differs from the assessment it re-ran, split by cause: the rules it was
-- computed with, and the catalog's facts (with the day they are judged on). Written once, with
-- the rerun; a document the service writes and reads whole, like the result.
alter table assessment add column rerun_changes text;
