package org.palermo.app.platform;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs: public, it holds no data. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info =
        @Info(
            title = "Palermo API",
            version = "v1",
            description =
                "Referral of victims of trafficking and of smuggled migrants. Errors are RFC 9457"
                    + " problem documents; authenticate with a personal API token.",
            license = @License(name = "Apache-2.0")))
@SecurityScheme(
    name = "token",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "A personal API token from the account page or `palermo users token`.")
class OpenApiConfiguration {}
