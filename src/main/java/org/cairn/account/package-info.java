/** People, their roles in a district, sign-in (password, OpenID Connect, personal access tokens) and sessions. */
package org.cairn.account;
