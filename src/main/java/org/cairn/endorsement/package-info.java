/**
 * Endorsements between districts: an administrator endorses another district's badge class or issuer (or any Open
 * Badges 2.0/3.0 issuer or badge class by URL) with a comment, as a hosted or signed 2.0 Endorsement and a 3.0
 * EndorsementCredential; the endorsed district accepts or hides each one, the endorser can withdraw it.
 */
package org.cairn.endorsement;
