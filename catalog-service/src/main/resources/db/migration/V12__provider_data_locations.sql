-- Where a provider runs data centres (its regions' countries), as ISO 3166-1 alpha-2 codes: a
-- provider-level fact, with evidence "dataLocations", that public sources such as SovereignSky
-- state (their regions become data locations). Empty when not known; an offering's countries stay
-- where that offering runs.
alter table provider
    add column data_locations varchar(2)[] not null default '{}';
