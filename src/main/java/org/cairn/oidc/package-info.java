/**
 * Sign-in with a district's OpenID Connect provider (Google Workspace, Microsoft Entra, ...), configured per
 * district. The verified email must belong to an existing person of that district; a Cairn session follows. No
 * state of the redirect dance lives in one instance's memory.
 */
package org.cairn.oidc;
