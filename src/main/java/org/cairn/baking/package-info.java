/**
 * Open Badges baking (baking specification 2.0): an assertion or JWS embedded in a PNG {@code iTXt} chunk or an SVG
 * {@code openbadges:assertion} element, and the plain badge image drawn when a template has no usable artwork.
 */
package org.cairn.baking;
