plugins { java }
dependencyLocking { lockAllConfigurations() }
dependencies { implementation("org.slf4j:slf4j-api:2.+") }
