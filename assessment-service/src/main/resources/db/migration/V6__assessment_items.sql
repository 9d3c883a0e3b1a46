-- An assessment's item results, one row each, in the order of the result. The result column keeps
-- everything else (the organisation, waves, licence issues, the policy gate) with an empty items
-- list. An inventory of 100,000 items gives results of several hundred megabytes: as rows they are
-- written while they are computed, read a page at a time, and streamed, never held as one document.
create table assessment_item (
    assessment_id uuid    not null references assessment (id) on delete cascade,
    position      integer not null,
    document      text    not null,
    constraint assessment_item_pk primary key (assessment_id, position),
    constraint assessment_item_position_ck check (position >= 0)
);

do $$
begin
    alter table assessment_item alter column document set compression lz4;
exception
    when feature_not_supported or invalid_parameter_value then
        raise notice 'lz4 is not available in this PostgreSQL; item documents keep the default compression';
end
$$;

-- Assessments stored before: their items move to rows, in their order.
insert into assessment_item (assessment_id, position, document)
select a.id, (item.position - 1)::integer, item.document::text
from assessment a
cross join lateral jsonb_array_elements(a.result::jsonb -> 'items') with ordinality as item (document, position);

update assessment
set result = jsonb_set(result::jsonb, '{items}', '[]'::jsonb)::text
where jsonb_array_length(result::jsonb -> 'items') > 0;

-- A job's request is kept gzip-compressed: the JSON of 100,000 items is tens of megabytes. Queued
-- requests stay readable as they are (plain UTF-8 JSON; the service tells the two apart).
alter table assessment_job alter column request type bytea using convert_to(request, 'UTF8');
