package org.cairn.system;

import org.cairn.account.PersonRepository;
import org.cairn.district.DistrictRepository;
import org.cairn.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The store contract on the embedded MongoDB-wire server, in the shared test context. */
class EmbeddedRepositoryTests extends IntegrationTest implements RepositoryContract {

	@Autowired
	PersonRepository people;

	@Autowired
	DistrictRepository districts;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	StoreIndexes indexes;

	@Override
	public PersonRepository people() {
		return people;
	}

	@Override
	public DistrictRepository districts() {
		return districts;
	}

	@Override
	public ReactiveMongoTemplate mongo() {
		return mongo;
	}

	@Override
	public StoreIndexes indexes() {
		return indexes;
	}

}
