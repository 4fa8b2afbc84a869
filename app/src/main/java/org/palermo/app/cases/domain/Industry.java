package org.palermo.app.cases.domain;

/**
 * HTCDS 2.0 {@code vic_ForcedLabourIndustry}: the ISIC Rev.4 sections A–U, spelled as in the
 * standard (tier 2 and 3 sub-divisions are not recorded yet).
 */
public enum Industry {
  A_AgricultureForestryAndFishing,
  B_MiningAndQuarrying,
  C_Manufacturing,
  D_ElectricityGasSteamAndAirConditioningSupply,
  E_WaterSupplySewerageWasteManagement,
  F_Construction,
  G_WholesaleAndRetailTradeRepairOfMotorVehicles,
  H_TransportationAndStorage,
  I_AccommodationAndFoodServiceActivities,
  J_InformationAndCommunication,
  K_FinancialAndInsuranceActivities,
  L_RealEstateActivities,
  M_ProfessionalScientificAndTechnicalActivities,
  N_AdministrativeAndSupportServiceActivities,
  O_PublicAdministrationAndDefence,
  P_Education,
  Q_HumanHealthAndSocialWorkActivities,
  R_ArtsEntertainmentAndRecreation,
  S_OtherServiceActivities,
  T_ActivitiesOfHouseholdsAsEmployers,
  U_ActivitiesOfExtraterritorialOrganizations;

  /** The ISIC section letter. */
  public char section() {
    return name().charAt(0);
  }
}
