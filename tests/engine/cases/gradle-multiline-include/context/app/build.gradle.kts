plugins {
    java
}

dependencies {
    implementation("com.google.guava:guava:32.1.3-jre")
}
