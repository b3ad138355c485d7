/**
 * The one home of signing key material: RSA-3072 keys per district, generated once, stored with the private part
 * sealed (AES-256-GCM) under the installation's master key, rotated and revoked by district admins.
 */
package org.cairn.keys;
