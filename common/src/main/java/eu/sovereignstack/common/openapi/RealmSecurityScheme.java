package eu.sovereignstack.common.openapi;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The OpenAPI documents are built with the build's realm URL; at start-up this points their
 * {@code oidc} security scheme at the realm the running service is configured with, so Swagger UI
 * logs in where the deployment's tokens come from: the public issuer
 * ({@code quarkus.oidc.token.issuer}) where it is set (a cluster reaches Keycloak internally, a
 * browser through its public address), else the realm URL ({@code sovereign.oidc.url}).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class RealmSecurityScheme implements OASFilter {

    static final String SCHEME = "oidc";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        org.eclipse.microprofile.config.Config config = ConfigProvider.getConfig();
        String realm = config.getOptionalValue("quarkus.oidc.token.issuer", String.class)
                .filter(issuer -> issuer.startsWith("http"))
                .or(() -> config.getOptionalValue("sovereign.oidc.url", String.class))
                .orElse(null);
        if (realm == null || openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null) {
            return;
        }
        SecurityScheme scheme = openAPI.getComponents().getSecuritySchemes().get(SCHEME);
        if (scheme != null && scheme.getType() == SecurityScheme.Type.OPENIDCONNECT) {
            scheme.setOpenIdConnectUrl(realm + "/.well-known/openid-configuration");
        }
    }
}
