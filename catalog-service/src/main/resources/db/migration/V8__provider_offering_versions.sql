-- Providers and offerings are written through the API as products are (create, replace, merge
-- patch, delete), so each gets a version for optimistic locking: the ETag a client sends back in
-- If-Match, or the version in its body. Rows the seed wrote start at 0, as products did.

alter table provider
    add column version integer not null default 0;

alter table offering
    add column version integer not null default 0;
