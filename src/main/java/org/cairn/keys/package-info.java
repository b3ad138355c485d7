/**
 * The one home of signing key material: RSA-3072 keys per district (and Ed25519 keys for Open Badges 3.0 Data
 * Integrity proofs), generated once, stored with the private part
 * sealed (AES-256-GCM) under the installation's master key, rotated and revoked by district admins.
 */
package org.cairn.keys;
