-- The catalog: products (software and services), the categories they belong to,
-- "alternative to" relations between products, and providers that run products as
-- managed offerings. Lists of short tokens are PostgreSQL arrays: they are read with the
-- row and filtered with GIN indexes, without a join per list.

create table category (
    code        varchar(40)  primary key,
    name        varchar(80)  not null,
    description varchar(500) not null,
    position    integer      not null
);

create sequence product_seq start with 1 increment by 50;

create table product (
    id                         bigint        primary key,
    slug                       varchar(80)   not null unique,
    name                       varchar(120)  not null,
    kind                       varchar(16)   not null check (kind in ('SOFTWARE', 'SERVICE')),
    category                   varchar(40)   not null references category (code),
    description                varchar(2000) not null,
    steward_name               varchar(120)  not null,
    steward_country            varchar(2)    not null,
    licence_expression         varchar(500)  not null,
    -- Derived from licence_expression by the service on every write (SpdxLicences).
    licence_ids                varchar(100)[] not null,
    licence_family             varchar(24)   not null,
    open_source                boolean       not null,
    governance                 varchar(24)   not null
        check (governance in ('FOUNDATION', 'COMMUNITY', 'SINGLE_VENDOR', 'PROPRIETARY_VENDOR')),
    deployment_models          varchar(16)[] not null,
    standards                  varchar(40)[] not null,
    certifications             varchar(60)[] not null,
    data_locations             varchar(2)[]  not null,
    website                    varchar(500),
    source_repository          varchar(500),
    latest_release_version     varchar(40),
    latest_release_date        date,
    contributing_organisations integer       check (contributing_organisations >= 0),
    scorecard_score            numeric(3, 1) check (scorecard_score between 0 and 10),
    facts_as_of                date          not null,
    -- Steward and every data location in the EU or EEA (kept in step with Jurisdiction.EU_EEA).
    eu_jurisdiction            boolean generated always as (
        steward_country = any (array['AT','BE','BG','HR','CY','CZ','DK','EE','FI','FR','DE','GR','HU','IE',
                                     'IT','LV','LT','LU','MT','NL','PL','PT','RO','SK','SI','ES','SE',
                                     'IS','LI','NO']::varchar[])
        and data_locations <@ array['AT','BE','BG','HR','CY','CZ','DK','EE','FI','FR','DE','GR','HU','IE',
                                    'IT','LV','LT','LU','MT','NL','PL','PT','RO','SK','SI','ES','SE',
                                    'IS','LI','NO']::varchar[]) stored,
    created_at                 timestamptz   not null default now(),
    updated_at                 timestamptz   not null default now(),
    version                    integer       not null default 0
);

create index product_category_idx on product (category);
create index product_licence_ids_idx on product using gin (licence_ids);
create index product_standards_idx on product using gin (standards);
create index product_deployment_models_idx on product using gin (deployment_models);

create sequence alternative_seq start with 1 increment by 50;

-- "product can replace replaces", with how well it fits.
create table alternative (
    id          bigint       primary key,
    product_id  bigint       not null references product (id) on delete cascade,
    replaces_id bigint       not null references product (id) on delete cascade,
    fit         varchar(8)   not null check (fit in ('FULL', 'PARTIAL')),
    notes       varchar(1000),
    created_at  timestamptz  not null default now(),
    constraint alternative_unique unique (product_id, replaces_id),
    constraint alternative_not_self check (product_id <> replaces_id)
);

create index alternative_replaces_idx on alternative (replaces_id);

create sequence provider_seq start with 1 increment by 50;

create table provider (
    id           bigint       primary key,
    slug         varchar(80)  not null unique,
    name         varchar(120) not null,
    country      varchar(2)   not null,
    type         varchar(24)  not null
        check (type in ('HYPERSCALER', 'REGIONAL_CLOUD', 'DATACENTER_OPERATOR')),
    website      varchar(500),
    certifications varchar(60)[] not null,
    facts_as_of  date         not null
);

create sequence offering_seq start with 1 increment by 50;

-- Provider runs product as a managed service in the given countries.
create table offering (
    id             bigint        primary key,
    provider_id    bigint        not null references provider (id) on delete cascade,
    product_id     bigint        not null references product (id) on delete cascade,
    name           varchar(120)  not null,
    countries      varchar(2)[]  not null,
    url            varchar(500),
    facts_as_of    date          not null,
    constraint offering_unique unique (provider_id, product_id)
);

create index offering_product_idx on offering (product_id);
