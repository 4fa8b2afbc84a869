package org.palermo.app.demo;

import java.math.BigDecimal;
import java.util.List;
import org.palermo.app.access.AgencyType;
import org.palermo.app.directory.ServiceType;

/**
 * The fictional route: from Ardenia (XA) across Belvaria (XB) to Corvania (XC). Every place and
 * organisation is invented; the user-assigned ISO codes keep them apart from real countries.
 */
final class DemoRoute {
  record Stop(String city, String country, double lat, double lon) {
    BigDecimal latitude() {
      return BigDecimal.valueOf(lat);
    }

    BigDecimal longitude() {
      return BigDecimal.valueOf(lon);
    }
  }

  record Provider(String name, AgencyType type, Stop stop, List<ServiceType> services) {}

  static final Stop SELVA = new Stop("Selva (synthetic)", "XA", 10.10, 20.10);
  static final Stop MIRAN = new Stop("Miran (synthetic)", "XA", 11.30, 21.40);
  static final Stop KETRA = new Stop("Ketra border post (synthetic)", "XB", 13.05, 22.90);
  static final Stop VALMONT = new Stop("Valmont (synthetic)", "XB", 14.60, 24.20);
  static final Stop PORT_AZURA = new Stop("Port Azura (synthetic)", "XC", 16.20, 26.75);
  static final Stop HARBOUR_CITY = new Stop("Harbour City (synthetic)", "XC", 17.00, 27.50);

  static final List<Provider> PROVIDERS =
      List.of(
          new Provider(
              "Demo Safe House Selva",
              AgencyType.SERVICE_PROVIDER,
              SELVA,
              List.of(
                  ServiceType.SHELTER,
                  ServiceType.PSYCHOSOCIAL,
                  ServiceType.ASSISTED_VOLUNTARY_RETURN_AND_REINTEGRATION)),
          new Provider(
              "Demo Miran Health Clinic",
              AgencyType.SERVICE_PROVIDER,
              MIRAN,
              List.of(ServiceType.MEDICAL, ServiceType.PSYCHOSOCIAL)),
          new Provider(
              "Demo Ketra Migrant Support Point",
              AgencyType.SERVICE_PROVIDER,
              KETRA,
              List.of(ServiceType.INTERPRETATION, ServiceType.MEDICAL, ServiceType.HOTLINE)),
          new Provider(
              "Demo Valmont Legal Aid Collective",
              AgencyType.SERVICE_PROVIDER,
              VALMONT,
              List.of(
                  ServiceType.LEGAL_AID, ServiceType.ASYLUM_PROCEDURE, ServiceType.INTERPRETATION)),
          new Provider(
              "Demo Valmont Women's Shelter",
              AgencyType.SERVICE_PROVIDER,
              VALMONT,
              List.of(ServiceType.SHELTER, ServiceType.PSYCHOSOCIAL, ServiceType.LIVELIHOOD)),
          new Provider(
              "Demo Port Azura Reception Centre",
              AgencyType.SERVICE_PROVIDER,
              PORT_AZURA,
              List.of(ServiceType.SHELTER, ServiceType.MEDICAL, ServiceType.INTERPRETATION)),
          new Provider(
              "Demo Harbour City Recovery Shelter",
              AgencyType.SERVICE_PROVIDER,
              HARBOUR_CITY,
              List.of(
                  ServiceType.SHELTER,
                  ServiceType.PSYCHOSOCIAL,
                  ServiceType.LIVELIHOOD,
                  ServiceType.ASSISTED_VOLUNTARY_RETURN_AND_REINTEGRATION)),
          new Provider(
              "Demo Harbour City Child Protection Service",
              AgencyType.CHILD_PROTECTION,
              HARBOUR_CITY,
              List.of(ServiceType.CHILD_PROTECTION, ServiceType.SHELTER, ServiceType.PSYCHOSOCIAL)),
          new Provider(
              "Demo Corvania Anti-Trafficking Hotline",
              AgencyType.SERVICE_PROVIDER,
              HARBOUR_CITY,
              List.of(ServiceType.HOTLINE, ServiceType.LEGAL_AID)));

  private DemoRoute() {}
}
