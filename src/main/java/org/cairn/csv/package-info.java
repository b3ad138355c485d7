/**
 * Reading the CSV files district administrators upload (rosters, bulk-award lists): RFC 4180 quoting, the header
 * row a spreadsheet exports, and row numbers as the spreadsheet shows them, so every error can name its row.
 */
package org.cairn.csv;
