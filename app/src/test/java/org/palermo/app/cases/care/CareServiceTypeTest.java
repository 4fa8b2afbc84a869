package org.palermo.app.cases.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.palermo.app.directory.ServiceType;

/** The care module's mirror of the directory's service types stays the same list. */
class CareServiceTypeTest {
  @Test
  void the_mirror_has_exactly_the_directory_service_types() {
    assertThat(Arrays.stream(CareServiceType.values()).map(Enum::name))
        .containsExactlyElementsOf(Arrays.stream(ServiceType.values()).map(Enum::name).toList());
  }
}
