-- Product identifiers for resolving inventories (POST /api/v1/products/resolve):
-- purls are Package URLs of a product's packages and container images, stored canonical and
-- without version, qualifiers or subpath (what PackageUrl.canonical writes, so an export imports
-- back unchanged); aliases are other names inventories use for a product. Both are matched in
-- memory by the service; the GIN indexes serve containment queries (purls @> array[...]).

alter table product
    add column purls   varchar(300)[] not null default '{}',
    add column aliases varchar(120)[] not null default '{}';

create index product_purls_idx on product using gin (purls);
create index product_aliases_idx on product using gin (aliases);

-- Seed products: package coordinates of the upstream projects (GitHub repositories, Go modules,
-- Maven, npm and PyPI packages, Docker Hub and registry images) and the names their users write.
update product set
    aliases = array['vSphere', 'VMware ESXi', 'ESXi', 'vCenter', 'vCenter Server', 'VMware vCenter',
        'vSphere Hypervisor']::varchar[]
    where slug = 'vmware-vsphere';
update product set
    aliases = array['Proxmox', 'PVE']::varchar[]
    where slug = 'proxmox-ve';
update product set
    purls = array['pkg:github/kubevirt/kubevirt', 'pkg:golang/kubevirt.io/kubevirt']::varchar[]
    where slug = 'kubevirt';
update product set
    aliases = array['VCF', 'VMware NSX', 'NSX', 'VMware vSAN', 'vSAN']::varchar[]
    where slug = 'vmware-cloud-foundation';
update product set
    purls = array['pkg:github/opennebula/one']::varchar[]
    where slug = 'opennebula';
update product set
    aliases = array['Red Hat OpenStack Platform', 'RHOSP']::varchar[]
    where slug = 'openstack';
update product set
    purls = array['pkg:github/apache/cloudstack']::varchar[],
    aliases = array['CloudStack']::varchar[]
    where slug = 'apache-cloudstack';
update product set
    aliases = array['SCS']::varchar[]
    where slug = 'sovereign-cloud-stack';
update product set
    aliases = array['EC2', 'Amazon Elastic Compute Cloud', 'Amazon Web Services', 'AWS']::varchar[]
    where slug = 'aws-ec2';
update product set
    aliases = array['Azure', 'Windows Azure', 'Azure Cloud']::varchar[]
    where slug = 'microsoft-azure';
update product set
    aliases = array['GCP', 'Google Cloud Platform', 'Google Compute Engine', 'GCE']::varchar[]
    where slug = 'google-cloud';
update product set
    aliases = array['OVH Public Cloud', 'OVHcloud', 'OVH']::varchar[]
    where slug = 'ovhcloud-public-cloud';
update product set
    aliases = array['OTC', 'T-Systems Open Telekom Cloud']::varchar[]
    where slug = 'open-telekom-cloud';
update product set
    aliases = array['Hetzner']::varchar[]
    where slug = 'hetzner-cloud';
update product set
    aliases = array['IONOS', 'IONOS Compute Engine', 'IONOS Enterprise Cloud']::varchar[]
    where slug = 'ionos-cloud';
update product set
    aliases = array['STACKIT']::varchar[]
    where slug = 'stackit-cloud';
update product set
    purls = array['pkg:github/kubernetes/kubernetes', 'pkg:golang/k8s.io/kubernetes']::varchar[],
    aliases = array['K8s']::varchar[]
    where slug = 'kubernetes';
update product set
    purls = array['pkg:github/k3s-io/k3s', 'pkg:golang/github.com/k3s-io/k3s', 'pkg:docker/rancher/k3s']::varchar[],
    aliases = array['Rancher K3s']::varchar[]
    where slug = 'k3s';
update product set
    purls = array['pkg:github/rancher/rancher', 'pkg:golang/github.com/rancher/rancher',
        'pkg:docker/rancher/rancher']::varchar[],
    aliases = array['SUSE Rancher', 'Rancher Prime']::varchar[]
    where slug = 'rancher';
update product set
    purls = array['pkg:github/goharbor/harbor', 'pkg:docker/goharbor/harbor-core']::varchar[],
    aliases = array['Harbor Registry']::varchar[]
    where slug = 'harbor';
update product set
    aliases = array['hub.docker.com', 'Docker Hub Registry']::varchar[]
    where slug = 'docker-hub';
update product set
    aliases = array['EKS', 'Amazon Elastic Kubernetes Service']::varchar[]
    where slug = 'amazon-eks';
update product set
    aliases = array['AKS', 'Azure Kubernetes Service']::varchar[]
    where slug = 'azure-kubernetes-service';
update product set
    aliases = array['GKE', 'Google Kubernetes Engine']::varchar[]
    where slug = 'google-kubernetes-engine';
update product set
    aliases = array['OVHcloud Managed Kubernetes', 'OVH Managed Kubernetes']::varchar[]
    where slug = 'ovhcloud-managed-kubernetes';
update product set
    aliases = array['Kapsule', 'Scaleway Kapsule']::varchar[]
    where slug = 'scaleway-kapsule';
update product set
    aliases = array['IONOS Managed Kubernetes']::varchar[]
    where slug = 'ionos-managed-kubernetes';
update product set
    aliases = array['SKE', 'STACKIT Kubernetes Engine']::varchar[]
    where slug = 'stackit-kubernetes-engine';
update product set
    aliases = array['SKS', 'Exoscale SKS']::varchar[]
    where slug = 'exoscale-sks';
update product set
    aliases = array['S3', 'Amazon Simple Storage Service']::varchar[]
    where slug = 'aws-s3';
update product set
    aliases = array['Azure Blob', 'Azure Storage', 'Azure Storage Account']::varchar[]
    where slug = 'azure-blob-storage';
update product set
    aliases = array['GCS']::varchar[]
    where slug = 'google-cloud-storage';
update product set
    purls = array['pkg:github/minio/minio', 'pkg:golang/github.com/minio/minio', 'pkg:docker/minio/minio']::varchar[]
    where slug = 'minio';
update product set
    purls = array['pkg:docker/dxflrs/garage']::varchar[],
    aliases = array['Garage S3']::varchar[]
    where slug = 'garage';
update product set
    purls = array['pkg:github/ceph/ceph', 'pkg:docker/ceph/ceph']::varchar[],
    aliases = array['Red Hat Ceph Storage', 'Ceph Object Gateway', 'Ceph RGW', 'RADOS Gateway']::varchar[]
    where slug = 'ceph';
update product set
    aliases = array['OVH Object Storage']::varchar[]
    where slug = 'ovhcloud-object-storage';
update product set
    aliases = array['Scaleway S3']::varchar[]
    where slug = 'scaleway-object-storage';
update product set
    aliases = array['IONOS Object Storage']::varchar[]
    where slug = 'ionos-object-storage';
update product set
    aliases = array['STACKIT S3']::varchar[]
    where slug = 'stackit-object-storage';
update product set
    aliases = array['Hetzner S3']::varchar[]
    where slug = 'hetzner-object-storage';
update product set
    aliases = array['Exoscale SOS', 'Exoscale Object Storage']::varchar[]
    where slug = 'exoscale-object-storage';
update product set
    aliases = array['UpCloud Object Storage']::varchar[]
    where slug = 'upcloud-object-storage';
update product set
    aliases = array['Open Telekom Cloud OBS', 'OTC OBS']::varchar[]
    where slug = 'open-telekom-cloud-obs';
update product set
    aliases = array['Oracle', 'Oracle DB', 'Oracle RDBMS', 'Oracle Database Enterprise Edition']::varchar[]
    where slug = 'oracle-database';
update product set
    aliases = array['SQL Server', 'MSSQL', 'MS SQL', 'MS SQL Server']::varchar[]
    where slug = 'microsoft-sql-server';
update product set
    purls = array['pkg:github/mongodb/mongo', 'pkg:docker/library/mongo']::varchar[],
    aliases = array['Mongo', 'MongoDB Community Server', 'MongoDB Enterprise Server']::varchar[]
    where slug = 'mongodb';
update product set
    purls = array['pkg:github/postgres/postgres', 'pkg:docker/library/postgres']::varchar[],
    aliases = array['Postgres', 'PostgreSQL Server', 'pgsql']::varchar[]
    where slug = 'postgresql';
update product set
    purls = array['pkg:github/mariadb/server', 'pkg:docker/library/mariadb']::varchar[],
    aliases = array['MariaDB']::varchar[]
    where slug = 'mariadb';
update product set
    purls = array['pkg:github/mysql/mysql-server', 'pkg:docker/library/mysql']::varchar[],
    aliases = array['MySQL', 'MySQL Server', 'Oracle MySQL']::varchar[]
    where slug = 'mysql';
update product set
    purls = array['pkg:github/cloudnative-pg/cloudnative-pg',
        'pkg:golang/github.com/cloudnative-pg/cloudnative-pg']::varchar[],
    aliases = array['CNPG', 'CloudNative PG']::varchar[]
    where slug = 'cloudnativepg';
update product set
    aliases = array['Okta', 'Okta SSO', 'Okta Identity Cloud', 'Okta Workforce']::varchar[]
    where slug = 'okta';
update product set
    aliases = array['Azure AD', 'Azure Active Directory', 'Entra ID', 'AAD', 'Microsoft Entra']::varchar[]
    where slug = 'microsoft-entra-id';
update product set
    purls = array['pkg:github/keycloak/keycloak', 'pkg:maven/org.keycloak/keycloak-core',
        'pkg:maven/org.keycloak/keycloak-services', 'pkg:docker/keycloak/keycloak']::varchar[],
    aliases = array['Red Hat build of Keycloak', 'Red Hat Single Sign-On', 'RH-SSO']::varchar[]
    where slug = 'keycloak';
update product set
    aliases = array['LemonLDAP', 'LLNG']::varchar[]
    where slug = 'lemonldap-ng';
update product set
    aliases = array['Office 365', 'O365', 'M365', 'MS Office 365', 'Microsoft Office 365', 'Microsoft Office',
        'MS Office']::varchar[]
    where slug = 'microsoft-365';
update product set
    aliases = array['G Suite', 'GSuite', 'Google Apps', 'Google Docs', 'Gmail']::varchar[]
    where slug = 'google-workspace';
update product set
    purls = array['pkg:github/libreoffice/core']::varchar[],
    aliases = array['Libre Office']::varchar[]
    where slug = 'libreoffice';
update product set
    purls = array['pkg:github/collaboraonline/online', 'pkg:docker/collabora/code']::varchar[],
    aliases = array['Collabora', 'Collabora Online Development Edition', 'Collabora CODE']::varchar[]
    where slug = 'collabora-online';
update product set
    purls = array['pkg:github/onlyoffice/documentserver', 'pkg:docker/onlyoffice/documentserver']::varchar[],
    aliases = array['ONLYOFFICE', 'ONLYOFFICE Document Server', 'ONLYOFFICE DocumentServer']::varchar[]
    where slug = 'onlyoffice-docs';
update product set
    purls = array['pkg:github/cryptpad/cryptpad']::varchar[]
    where slug = 'cryptpad';
update product set
    purls = array['pkg:github/nextcloud/server', 'pkg:docker/library/nextcloud']::varchar[],
    aliases = array['Nextcloud', 'Nextcloud Server', 'Nextcloud Files']::varchar[]
    where slug = 'nextcloud';
update product set
    aliases = array['Dropbox Business']::varchar[]
    where slug = 'dropbox';
update product set
    aliases = array['Box.com', 'Box Enterprise']::varchar[]
    where slug = 'box';
update product set
    aliases = array['GDrive']::varchar[]
    where slug = 'google-drive';
update product set
    aliases = array['OneDrive', 'OneDrive for Business', 'MS OneDrive']::varchar[]
    where slug = 'microsoft-onedrive';
update product set
    aliases = array['Jotta']::varchar[]
    where slug = 'jottacloud';
update product set
    aliases = array['Exchange Online', 'Office 365 Exchange Online']::varchar[]
    where slug = 'microsoft-exchange-online';
update product set
    aliases = array['Exchange', 'Exchange Server', 'MS Exchange']::varchar[]
    where slug = 'microsoft-exchange-server';
update product set
    aliases = array['Zimbra', 'Zimbra Collaboration Suite', 'ZCS']::varchar[]
    where slug = 'zimbra';
update product set
    aliases = array['Blue Mind']::varchar[]
    where slug = 'bluemind';
update product set
    aliases = array['Slack Enterprise Grid']::varchar[]
    where slug = 'slack';
update product set
    aliases = array['MS Teams', 'Teams']::varchar[]
    where slug = 'microsoft-teams';
update product set
    purls = array['pkg:github/element-hq/synapse', 'pkg:github/matrix-org/synapse', 'pkg:pypi/matrix-synapse',
        'pkg:docker/matrixdotorg/synapse', 'pkg:github/element-hq/element-web',
        'pkg:docker/vectorim/element-web']::varchar[],
    aliases = array['Matrix', 'Element', 'Synapse', 'Matrix Synapse', 'Element Web',
        'Element Server Suite']::varchar[]
    where slug = 'element';
update product set
    purls = array['pkg:github/mattermost/mattermost', 'pkg:docker/mattermost/mattermost-team-edition',
        'pkg:docker/mattermost/mattermost-enterprise-edition']::varchar[]
    where slug = 'mattermost';
update product set
    purls = array['pkg:github/rocketchat/rocket.chat', 'pkg:docker/library/rocket.chat',
        'pkg:docker/rocketchat/rocket.chat']::varchar[],
    aliases = array['RocketChat']::varchar[]
    where slug = 'rocket-chat';
update product set
    purls = array['pkg:github/zulip/zulip', 'pkg:docker/zulip/docker-zulip']::varchar[]
    where slug = 'zulip';
update product set
    aliases = array['Zoom', 'Zoom Meetings', 'Zoom Video']::varchar[]
    where slug = 'zoom';
update product set
    aliases = array['Cisco Webex', 'Webex Meetings']::varchar[]
    where slug = 'webex';
update product set
    purls = array['pkg:github/jitsi/jitsi-meet', 'pkg:docker/jitsi/web', 'pkg:docker/jitsi/jvb']::varchar[],
    aliases = array['Jitsi']::varchar[]
    where slug = 'jitsi-meet';
update product set
    purls = array['pkg:github/bigbluebutton/bigbluebutton']::varchar[],
    aliases = array['BBB']::varchar[]
    where slug = 'bigbluebutton';
update product set
    aliases = array['Pexip Infinity']::varchar[]
    where slug = 'pexip';
update product set
    aliases = array['Whereby Embedded']::varchar[]
    where slug = 'whereby';
update product set
    aliases = array['Teams Phone', 'Teams Phone System', 'Microsoft Phone System']::varchar[]
    where slug = 'microsoft-teams-phone';
update product set
    purls = array['pkg:github/asterisk/asterisk']::varchar[]
    where slug = 'asterisk';
update product set
    purls = array['pkg:github/signalwire/freeswitch']::varchar[]
    where slug = 'freeswitch';
update product set
    aliases = array['OpenAI', 'ChatGPT', 'ChatGPT Enterprise', 'OpenAI Platform']::varchar[]
    where slug = 'openai-api';
update product set
    aliases = array['Mistral AI', 'Mistral', 'La Plateforme']::varchar[]
    where slug = 'mistral-ai-api';
update product set
    purls = array['pkg:github/vllm-project/vllm', 'pkg:pypi/vllm', 'pkg:docker/vllm/vllm-openai']::varchar[]
    where slug = 'vllm';
update product set
    purls = array['pkg:github/ollama/ollama', 'pkg:golang/github.com/ollama/ollama',
        'pkg:docker/ollama/ollama']::varchar[]
    where slug = 'ollama';
update product set
    purls = array['pkg:github/kserve/kserve', 'pkg:golang/github.com/kserve/kserve', 'pkg:pypi/kserve']::varchar[],
    aliases = array['KFServing']::varchar[]
    where slug = 'kserve';
update product set
    purls = array['pkg:github/backstage/backstage', 'pkg:npm/%40backstage/cli',
        'pkg:npm/%40backstage/core-plugin-api']::varchar[],
    aliases = array['Spotify Backstage']::varchar[]
    where slug = 'backstage';
update product set
    purls = array['pkg:github/eclipse/openvsx']::varchar[],
    aliases = array['OpenVSX']::varchar[]
    where slug = 'open-vsx';
update product set
    aliases = array['VS Code Marketplace', 'VSCode Marketplace', 'Visual Studio Code Marketplace']::varchar[]
    where slug = 'visual-studio-marketplace';
update product set
    purls = array['pkg:github/eclipse-che/che']::varchar[],
    aliases = array['Che', 'Red Hat OpenShift Dev Spaces', 'CodeReady Workspaces']::varchar[]
    where slug = 'eclipse-che';
update product set
    aliases = array['Codespaces']::varchar[]
    where slug = 'github-codespaces';
update product set
    aliases = array['GitHub Enterprise', 'GitHub Enterprise Cloud', 'GitHub.com']::varchar[]
    where slug = 'github';
update product set
    aliases = array['Bitbucket', 'Atlassian Bitbucket']::varchar[]
    where slug = 'bitbucket';
update product set
    purls = array['pkg:github/gitlabhq/gitlabhq', 'pkg:docker/gitlab/gitlab-ce']::varchar[],
    aliases = array['GitLab', 'GitLab CE']::varchar[]
    where slug = 'gitlab-ce';
update product set
    purls = array['pkg:docker/forgejo/forgejo']::varchar[]
    where slug = 'forgejo';
update product set
    aliases = array['GH Actions']::varchar[]
    where slug = 'github-actions';
update product set
    aliases = array['Circle CI']::varchar[]
    where slug = 'circleci';
update product set
    aliases = array['Azure DevOps', 'Azure Pipelines', 'Azure Repos', 'Azure Boards', 'VSTS',
        'Visual Studio Team Services']::varchar[]
    where slug = 'azure-devops';
update product set
    purls = array['pkg:github/jenkinsci/jenkins', 'pkg:maven/org.jenkins-ci.main/jenkins-core',
        'pkg:docker/jenkins/jenkins']::varchar[],
    aliases = array['Jenkins CI']::varchar[]
    where slug = 'jenkins';
update product set
    purls = array['pkg:github/argoproj/argo-cd', 'pkg:docker/argoproj/argocd']::varchar[],
    aliases = array['ArgoCD']::varchar[]
    where slug = 'argo-cd';
update product set
    purls = array['pkg:github/fluxcd/flux2']::varchar[],
    aliases = array['Flux CD', 'FluxCD', 'Flux v2']::varchar[]
    where slug = 'flux';
update product set
    purls = array['pkg:docker/datadog/agent']::varchar[],
    aliases = array['Datadog APM']::varchar[]
    where slug = 'datadog';
update product set
    purls = array['pkg:docker/splunk/splunk']::varchar[],
    aliases = array['Splunk Enterprise', 'Splunk Cloud']::varchar[]
    where slug = 'splunk';
update product set
    purls = array['pkg:github/grafana/grafana', 'pkg:golang/github.com/grafana/grafana', 'pkg:docker/grafana/grafana',
        'pkg:docker/grafana/grafana-oss']::varchar[],
    aliases = array['Grafana OSS']::varchar[]
    where slug = 'grafana';
update product set
    purls = array['pkg:github/grafana/loki', 'pkg:docker/grafana/loki']::varchar[],
    aliases = array['Loki']::varchar[]
    where slug = 'grafana-loki';
update product set
    purls = array['pkg:github/prometheus/prometheus', 'pkg:golang/github.com/prometheus/prometheus',
        'pkg:docker/prom/prometheus']::varchar[]
    where slug = 'prometheus';
update product set
    purls = array['pkg:github/open-telemetry/opentelemetry-collector', 'pkg:golang/go.opentelemetry.io/collector',
        'pkg:docker/otel/opentelemetry-collector', 'pkg:docker/otel/opentelemetry-collector-contrib']::varchar[],
    aliases = array['OTel Collector', 'otelcol', 'OpenTelemetry']::varchar[]
    where slug = 'opentelemetry-collector';
update product set
    purls = array['pkg:github/jaegertracing/jaeger', 'pkg:golang/github.com/jaegertracing/jaeger',
        'pkg:docker/jaegertracing/all-in-one', 'pkg:docker/jaegertracing/jaeger']::varchar[],
    aliases = array['Jaeger Tracing']::varchar[]
    where slug = 'jaeger';
update product set
    purls = array['pkg:github/opensearch-project/opensearch', 'pkg:maven/org.opensearch/opensearch',
        'pkg:docker/opensearchproject/opensearch']::varchar[],
    aliases = array['OpenSearch Dashboards']::varchar[]
    where slug = 'opensearch';
update product set
    purls = array['pkg:github/zabbix/zabbix', 'pkg:docker/zabbix/zabbix-server-pgsql',
        'pkg:docker/zabbix/zabbix-server-mysql']::varchar[]
    where slug = 'zabbix';
update product set
    aliases = array['Veeam', 'Veeam Backup & Replication', 'Veeam Backup and Replication', 'VBR']::varchar[]
    where slug = 'veeam';
update product set
    purls = array['pkg:github/bareos/bareos']::varchar[]
    where slug = 'bareos';
update product set
    aliases = array['PBS', 'Proxmox Backup']::varchar[]
    where slug = 'proxmox-backup-server';
update product set
    purls = array['pkg:github/velero-io/velero', 'pkg:github/vmware-tanzu/velero',
        'pkg:golang/github.com/vmware-tanzu/velero', 'pkg:docker/velero/velero']::varchar[],
    aliases = array['Heptio Ark']::varchar[]
    where slug = 'velero';
update product set
    aliases = array['Jira', 'Jira Software', 'Jira Cloud']::varchar[]
    where slug = 'atlassian-jira';
update product set
    aliases = array['Asana Enterprise']::varchar[]
    where slug = 'asana';
update product set
    purls = array['pkg:github/opf/openproject', 'pkg:docker/openproject/openproject',
        'pkg:docker/openproject/community']::varchar[]
    where slug = 'openproject';
update product set
    purls = array['pkg:github/enalean/tuleap']::varchar[]
    where slug = 'tuleap';
update product set
    aliases = array['Salesforce', 'Salesforce CRM', 'Sales Cloud', 'SFDC']::varchar[]
    where slug = 'salesforce';
update product set
    aliases = array['Dynamics 365', 'Dynamics CRM', 'MS Dynamics', 'D365']::varchar[]
    where slug = 'microsoft-dynamics-365';
update product set
    purls = array['pkg:github/salesagility/suitecrm']::varchar[]
    where slug = 'suitecrm';
update product set
    purls = array['pkg:github/odoo/odoo', 'pkg:docker/library/odoo']::varchar[],
    aliases = array['Odoo', 'OpenERP']::varchar[]
    where slug = 'odoo';
update product set
    aliases = array['SuperOffice']::varchar[]
    where slug = 'superoffice';
update product set
    aliases = array['SharePoint', 'SharePoint Online', 'SPO']::varchar[]
    where slug = 'microsoft-sharepoint';
update product set
    aliases = array['Confluence', 'Confluence Cloud']::varchar[]
    where slug = 'atlassian-confluence';
update product set
    purls = array['pkg:docker/exoplatform/exo-community']::varchar[],
    aliases = array['eXo']::varchar[]
    where slug = 'exo-platform';
update product set
    purls = array['pkg:github/xwiki/xwiki-platform', 'pkg:maven/org.xwiki.platform/xwiki-platform-oldcore',
        'pkg:docker/library/xwiki']::varchar[]
    where slug = 'xwiki';
update product set
    purls = array['pkg:github/wikimedia/mediawiki', 'pkg:docker/library/mediawiki']::varchar[]
    where slug = 'mediawiki';
