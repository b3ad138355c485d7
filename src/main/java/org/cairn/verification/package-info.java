/**
 * Verifies any Open Badges 2.0 badge (URL, assertion JSON, compact JWS, baked PNG or SVG, Cairn PDF certificate) as a
 * sequence of named checks with stable ids, fetching other issuers' documents safely and our own from memory.
 */
package org.cairn.verification;
