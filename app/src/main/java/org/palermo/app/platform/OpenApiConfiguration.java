package org.palermo.app.platform;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at /v3/api-docs: public, it holds no data. Its server URL is relative
 * ("/"): declared here, springdoc never builds it from the request's Host header, which a client
 * chooses (a reflected Host would let a page served from a poisoned cache point clients elsewhere).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info =
        @Info(
            title = "Palermo API",
            version = "v1",
            description =
                "Referral of victims of trafficking and of smuggled migrants. Errors are RFC 9457"
                    + " problem documents; authenticate with a personal API token.",
            license = @License(name = "Apache-2.0")),
    servers = @Server(url = "/", description = "This instance"))
@SecurityScheme(
    name = "token",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "A personal API token from the account page or `palermo users token`.")
class OpenApiConfiguration {}
