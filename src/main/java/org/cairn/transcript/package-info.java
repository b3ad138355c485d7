/**
 * A teacher's professional learning record: the credits (hours, or the district's own credit unit) each badge
 * carries, totals by fiscal year, a transcript PDF that verifies badge by badge, and the administrator's CSV for
 * state reporting. Reads issued badges through {@link org.cairn.issuing.BadgeRecords} and templates through
 * {@link org.cairn.template.TemplateCatalog}; writes only its own settings.
 */
package org.cairn.transcript;
