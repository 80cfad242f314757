plugins { java }
dependencies { implementation("org.slf4j:slf4j-api:2.0.13") }
