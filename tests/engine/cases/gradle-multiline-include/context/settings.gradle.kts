rootProject.name = "shop"

include(
    ":app",
    ":core",
)
