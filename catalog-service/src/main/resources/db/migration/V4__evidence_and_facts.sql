-- Evidence for every fact, and the facts the scoring lacked: who controls a steward or a
-- provider in the end, project health over the last twelve months, the providers' energy
-- facts and the offerings' key custody.
--
-- evidence is a JSON object per entry: fact name -> {source, asOf, method, assertedBy, excerpt}.
-- It is read and written with the entry; its keys are checked by the service.

alter table product
    add column ultimate_parent_name         varchar(120),
    add column ultimate_parent_country      varchar(2),
    add column releases_last_12_months      integer       check (releases_last_12_months >= 0),
    add column contributors_last_12_months  integer       check (contributors_last_12_months >= 0),
    add column top_organisation_share       numeric(4, 3) check (top_organisation_share between 0 and 1),
    add column evidence                     jsonb         not null default '{}',
    add constraint product_ultimate_parent_whole
        check ((ultimate_parent_name is null) = (ultimate_parent_country is null));

-- Standards: null is unknown, an empty list is "speaks none".
alter table product alter column standards drop not null;

-- Who controls the steward decides the jurisdiction: the ultimate parent's country when known.
alter table product drop column eu_jurisdiction;
alter table product add column eu_jurisdiction boolean generated always as (
    coalesce(ultimate_parent_country, steward_country) = any (array['AT','BE','BG','HR','CY','CZ','DK','EE','FI','FR',
        'DE','GR','HU','IE','IT','LV','LT','LU','MT','NL','PL','PT','RO','SK','SI','ES','SE','IS','LI','NO']::varchar[])
    and data_locations <@ array['AT','BE','BG','HR','CY','CZ','DK','EE','FI','FR','DE','GR','HU','IE','IT','LV','LT',
        'LU','MT','NL','PL','PT','RO','SK','SI','ES','SE','IS','LI','NO']::varchar[]) stored;

alter table provider
    add column legal_name                      varchar(120),
    add column ultimate_parent_name            varchar(120),
    add column ultimate_parent_country         varchar(2),
    add column pue                             numeric(3, 2) check (pue between 1 and 5),
    add column renewable_share                 numeric(4, 3) check (renewable_share between 0 and 1),
    add column climate_neutral_data_centre_pact boolean,
    add column evidence                        jsonb         not null default '{}',
    add constraint provider_ultimate_parent_whole
        check ((ultimate_parent_name is null) = (ultimate_parent_country is null));

alter table offering
    add column key_custody varchar(20) check (key_custody in ('PROVIDER_HELD', 'CUSTOMER_MANAGED', 'CUSTOMER_HELD')),
    add column hsm         boolean,
    add column evidence    jsonb not null default '{}';

insert into category (code, name, description, position) values
    ('operating-system', 'Operating system', 'Server and desktop operating systems.', 23),
    ('endpoint-management', 'Endpoint management', 'Managing, configuring and deploying software to laptops, desktops and phones.', 24),
    ('analytics', 'Analytics', 'Business intelligence, dashboards, data warehouses and query engines.', 25),
    ('ai-models', 'AI models', 'Language and foundation models whose weights can be downloaded and run.', 26),
    ('serverless', 'Serverless', 'Functions as a service and event-driven platforms.', 27),
    ('message-queue', 'Messaging and streaming', 'Message brokers, queues and event streaming.', 28),
    ('cdn-edge', 'CDN and edge', 'Content delivery networks, HTTP caches and edge security services.', 29),
    ('itsm', 'IT service management', 'Service desks, ticketing and IT asset management.', 30),
    ('virtual-desktop', 'Virtual desktop', 'Virtual desktop infrastructure and remote application delivery.', 31),
    ('networking', 'Networking', 'Software-defined networking, firewalls and VPNs.', 32),
    ('search', 'Search', 'Enterprise search and search engines for applications.', 33),
    ('security', 'Security', 'Secrets and key management, security monitoring and detection.', 34);
