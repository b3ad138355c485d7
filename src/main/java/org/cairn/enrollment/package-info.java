/**
 * Enrolment in a microcredential: starting a pinned template version, the proposal and its approval, the
 * fiscal-year budget the approval commits against, and the stipends earned as tiers are passed.
 */
package org.cairn.enrollment;
