rootProject.name = "shop"

dependencyResolutionManagement {
    versionCatalogs {
        create("libs") {
            from(files("catalogs/libs.versions.toml"))
        }
    }
}
