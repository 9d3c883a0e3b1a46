-- An item result is read alone by its item's id (GET /assessments/{id}/items/{item}), in an
-- assessment of up to 100,000 items. Without an index that reads and parses every document of the
-- assessment (10 s for 100,000 items of 10 KB). The id is a column of its own, written with its
-- row: an index on the expression document::jsonb ->> 'id' finds the row as fast, but parses every
-- document as it is stored, which made inserting 100,000 rows about four times slower.
alter table assessment_item add column item_id varchar(200);

-- Rows stored before: the id their document holds.
update assessment_item set item_id = document::jsonb ->> 'id';

alter table assessment_item alter column item_id set not null;

-- Ids are unique within an inventory: an assessment is refused before it is made otherwise.
alter table assessment_item add constraint assessment_item_item_id_uq unique (assessment_id, item_id);
