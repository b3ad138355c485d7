/**
 * The practice library: evidence teachers choose to share (a passed tier's lesson plans, resources and reflections,
 * or any published piece), searchable by colleagues by standard, Danielson cluster, grade, subject and words; saved
 * pieces; a district's opt-in to other Cairn districts and to a public page; withdrawal, also when a badge is revoked.
 */
package org.cairn.practice;
