plugins {
    java
}

apply(from = "$rootDir/versions.gradle")
