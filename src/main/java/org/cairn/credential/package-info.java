/**
 * Open Badges 3.0 beside 2.0: every issued assertion also becomes an {@code OpenBadgeCredential} (a VC Data Model 2.0
 * credential) with an embedded {@code eddsa-rdfc-2022} Data Integrity proof and a VC-JWT (RS256), both made with the
 * district's keys; the credential, its issuer Profile, the district's JWK set, its Multikeys and its 1EdTech
 * revocation list are served publicly.
 */
package org.cairn.credential;
