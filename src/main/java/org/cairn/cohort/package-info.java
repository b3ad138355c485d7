/**
 * Cohorts: a district runs a microcredential for a group of teachers over a window (a school year), with optional
 * due dates per tier or task, reminders before them, a fixed evaluator and a monthly review view. Enrolment outside
 * a cohort stays self-paced.
 */
package org.cairn.cohort;
