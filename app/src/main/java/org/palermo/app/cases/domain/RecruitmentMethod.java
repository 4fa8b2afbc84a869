package org.palermo.app.cases.domain;

/** HTCDS 2.0 {@code vic_MethodOfRecruitment} (multi-select), spelled as in the standard. */
public enum RecruitmentMethod {
  AtAPlaceOfBusiness,
  AtAnEducationalInstitution,
  AtWork,
  ThroughOnlineSocialNetworks,
  ThroughAnOnlineAdvertisement,
  ThroughATelevisionAdvert,
  ThroughANewspaperAdvert,
  ThroughFamilyOrFamilyEvents,
  ThroughFriendsOrSocialEvents,
  Other
}
