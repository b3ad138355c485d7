/**
 * English and Spanish (issue 18): the message catalogues ({@code i18n/*.properties} beside
 * {@code i18n/*_es.properties}, one per feature), the language a reader gets (a person's choice, then the district's
 * default, then English; a request's {@code ?lang=} or {@code Accept-Language}), and dates and money per language.
 */
package org.cairn.language;
