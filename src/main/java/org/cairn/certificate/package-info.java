/**
 * Printable PDF certificates (OpenPDF): one page in the district's branding with the verification URL, its QR code,
 * and the assertion (JSON and, for signed badges, the JWS) attached so the file alone can be verified.
 */
package org.cairn.certificate;
