plugins { java }
dependencyLocking { lockAllConfigurations() }
dependencies { implementation("com.google.guava:guava:33.+") }
