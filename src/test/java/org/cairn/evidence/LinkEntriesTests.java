package org.cairn.evidence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Link or cite": what a teacher may enter, and what they are told when it cannot be taken. */
class LinkEntriesTests {

	@Test
	void webAddressesOverHttpOrHttpsAreTaken() {
		assertThat(LinkEntries.problem("https://www.edutopia.org/article/student-goal-setting")).isNull();
		assertThat(LinkEntries.problem("http://district.example.org/lesson?id=4")).isNull();
	}

	@Test
	void anythingElseThatLooksLikeAnAddressIsRefusedInWords() {
		assertThat(LinkEntries.problem("www.edutopia.org")).isEqualTo("must start with http:// or https://");
		assertThat(LinkEntries.problem("javascript:alert(1)")).isEqualTo("must start with http:// or https://");
		assertThat(LinkEntries.problem("ftp://files.example.org/a.pdf")).isEqualTo("must start with http:// or https://");
		assertThat(LinkEntries.problem("https://teacher:secret@drive.example.org/x"))
			.isEqualTo("must not carry a user name or password");
		assertThat(LinkEntries.problem("https:///nohost")).isEqualTo("must name a host");
		assertThat(LinkEntries.problem("https://exa mple.org/")).isEqualTo("is not a valid URL");
	}

	@Test
	void aCitationNamesAuthorAndTitle() {
		assertThat(LinkEntries.problem("Hattie, J. (2009). Visible Learning.")).isNull();
		assertThat(LinkEntries.looksLikeAddress("Hattie: Visible Learning")).as("a colon and a space is a citation")
			.isFalse();
		assertThat(LinkEntries.problem("Hattie")).startsWith("a citation names the author and the title");
		assertThat(LinkEntries.problem("")).isEqualTo("add a web address or a citation");
		assertThat(LinkEntries.problem("Hattie, J. " + "x".repeat(500))).isEqualTo("a citation of at most 500 characters");
	}

}
