/**
 * Reports for district admins: how each microcredential's tiers move (started, submitted, returned, passed, time to
 * decision, the completion funnel), who takes part by school and experience, and which standards are covered.
 */
package org.cairn.report;
