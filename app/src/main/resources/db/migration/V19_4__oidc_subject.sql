-- An OIDC sign-in matches an account by the provider's stable subject (issuer + sub), never by a
-- user name the provider lets people choose or change (issue #11 item 13). An administrator links
-- an account with `palermo users oidc-link`; an account without a link cannot sign in by OIDC.
ALTER TABLE app_user ADD COLUMN oidc_issuer TEXT, ADD COLUMN oidc_subject TEXT;
ALTER TABLE app_user ADD CONSTRAINT app_user_oidc_both
  CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
CREATE UNIQUE INDEX app_user_oidc_subject_idx ON app_user (oidc_issuer, oidc_subject)
  WHERE oidc_subject IS NOT NULL;
