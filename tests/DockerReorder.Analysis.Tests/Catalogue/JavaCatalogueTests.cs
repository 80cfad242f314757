using DockerReorder.Analysis.Catalogue;
using static DockerReorder.Analysis.Tests.Catalogue.CatalogueHarness;


namespace DockerReorder.Analysis.Tests.Catalogue;

/// <summary>Java: Maven and Gradle.</summary>
public sealed class JavaCatalogueTests
{
    [Fact]
    public void Maven_go_offline_reads_the_poms_of_every_module()
    {
        var files = new Dictionary<string, string>
        {
            ["pom.xml"] = "<project><modules><module>core</module><module>web</module></modules></project>",
            ["core/pom.xml"] = "<project/>",
            ["web/pom.xml"] = "<project/>",
        };

        var effect = Run("./mvnw -B dependency:go-offline", files);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["mvnw", "pom.xml", "core/pom.xml", "web/pom.xml", ".mvn?/"], effect.Reads());
        Assert.Contains("~/.m2/repository", effect.Writes);
        Assert.Contains("/root/.m2/repository", Run("mvn dependency:go-offline", files, environment: new Dictionary<string, string> { ["HOME"] = "/root" }).Writes);
        Assert.Equal(StepEffectKind.NeedsSource, Run("mvn -B package -DskipTests").Kind);
    }

    [Fact]
    public void Gradle_dependencies_reads_build_scripts_and_included_projects()
    {
        var files = new Dictionary<string, string> { ["settings.gradle.kts"] = "include(\":app\", \":lib:core\")\n" };

        var effect = Run("./gradlew dependencies --no-daemon", files);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Contains("gradlew", effect.Reads());
        Assert.Contains("build.gradle.kts?", effect.Reads());
        Assert.Contains("gradle?/", effect.Reads());
        Assert.Contains("app/build.gradle.kts?", effect.Reads());
        Assert.Contains("lib/core/build.gradle?", effect.Reads());
        Assert.Equal(StepEffectKind.NeedsSource, Run("gradle build -x test").Kind);
    }

    [Theory]
    [InlineData("include(\n    \":app\",\n    \":lib:core\",\n)\n")]
    [InlineData("include ':app',\n        ':lib:core'\n")]
    [InlineData("rootProject.name = 'x' // include ':nope'\ninclude(\":app\") // the app\ninclude(\":lib:core\")\n")]
    public void Gradle_reads_the_build_files_of_projects_included_over_several_lines(string settings)
    {
        var effect = Run("./gradlew dependencies", new Dictionary<string, string> { ["settings.gradle"] = settings });

        Assert.Contains("app/build.gradle?", effect.Reads());
        Assert.Contains("lib/core/build.gradle.kts?", effect.Reads());
        Assert.DoesNotContain("nope/build.gradle?", effect.Reads());
        Assert.False(effect.Unverified);
    }

    [Fact]
    public void Gradle_with_a_computed_include_is_unverified()
    {
        var settings = "file(\"modules\").listFiles().each { include(it.name) }\n";

        var effect = Run("gradle dependencies", new Dictionary<string, string> { ["settings.gradle"] = settings });

        Assert.True(effect.Unverified);
        Assert.Contains("computed", effect.UnverifiedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Gradle_follows_applied_scripts_and_flags_scripts_that_read_files()
    {
        var files = new Dictionary<string, string>
        {
            ["build.gradle"] = "apply from: 'deps.gradle'\napply from: \"$rootDir/gradle/versions.gradle\"\napply from: 'https://example.com/x.gradle'\n",
            ["deps.gradle"] = "apply from: 'more/extra.gradle'\napply from: rootProject.file('gradle/publish.gradle')\n",
            ["more/extra.gradle"] = "ext.x = 1\n",
        };

        var effect = Run("gradle dependencies", files);

        Assert.Contains("deps.gradle", effect.Reads());
        Assert.Contains("gradle/versions.gradle", effect.Reads());
        Assert.Contains("more/extra.gradle", effect.Reads());
        Assert.Contains("gradle/publish.gradle", effect.Reads());
        Assert.DoesNotContain(effect.Reads(), read => read.Contains("example.com", StringComparison.Ordinal));
        Assert.False(effect.Unverified);

        files["more/extra.gradle"] = "version = file('version.txt').text.trim()\n";
        var reading = Run("gradle dependencies", files);
        Assert.True(reading.Unverified);
        Assert.Equal("`extra.gradle` reads a file's content when it runs (`.text`), which the manifest copy may not bring", reading.UnverifiedReason);
    }

    /// <summary>The Kotlin DSL's usual way to read a properties file passes a stream to <c>load</c>, with no <c>.load(</c>.</summary>
    [Fact]
    public void Gradle_kotlin_script_loading_a_properties_file_through_a_stream_is_unverified()
    {
        var files = new Dictionary<string, string>
        {
            ["build.gradle.kts"] = "val props = java.util.Properties().apply {\n    load(rootProject.file(\"local.properties\").inputStream())\n}\n",
        };

        var effect = Run("gradle dependencies", files);

        Assert.True(effect.Unverified);
        Assert.Contains("`.inputStream(`", effect.UnverifiedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Maven_reads_parent_poms_system_jars_and_the_settings_named_in_maven_config()
    {
        var files = new Dictionary<string, string>
        {
            ["pom.xml"] = "<project><parent><relativePath>../platform/pom.xml</relativePath></parent><dependencies><dependency><systemPath>${project.basedir}/lib/x.jar</systemPath></dependency></dependencies></project>",
            ["../platform/pom.xml"] = "<project><parent><relativePath/></parent></project>",
            [".mvn/maven.config"] = "-B -s .mvn/settings.xml\n",
        };

        var effect = Run("mvn dependency:go-offline", files);

        Assert.Equal(["pom.xml", "../platform/pom.xml?", "lib/x.jar", ".mvn?/", ".mvn/settings.xml"], effect.Reads());
        Assert.False(effect.Unverified);

        files["pom.xml"] = "<project><dependencies><dependency><systemPath>${env.JAVA_HOME}/lib/tools.jar</systemPath></dependency></dependencies></project>";
        var unresolved = Run("mvn dependency:go-offline", files);
        Assert.True(unresolved.Unverified);
        Assert.Contains("${env.JAVA_HOME}/lib/tools.jar", unresolved.UnverifiedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Maven_with_a_pom_in_a_subfolder_reads_every_mvn_folder_up_to_the_working_directory()
    {
        var effect = Run("mvn -f services/api/pom.xml dependency:go-offline", new Dictionary<string, string> { ["services/api/pom.xml"] = "<project/>" });

        Assert.Contains("services/api/.mvn?/", effect.Reads());
        Assert.Contains("services/.mvn?/", effect.Reads());
        Assert.Contains(".mvn?/", effect.Reads());
    }
    [Fact]
    public void Maven_reads_a_parent_without_relative_path_at_the_default_place_but_not_its_modules()
    {
        var files = new Dictionary<string, string>
        {
            ["services/api/pom.xml"] = "<project><parent><groupId>g</groupId><artifactId>services</artifactId></parent></project>",
            ["services/pom.xml"] = "<project><modules><module>api</module><module>worker</module></modules></project>",
        };

        var effect = Run("mvn -f services/api/pom.xml dependency:go-offline", files);

        Assert.Contains("services/api/pom.xml", effect.Reads());
        Assert.Contains("services/pom.xml?", effect.Reads());
        Assert.DoesNotContain("services/worker/pom.xml", effect.Reads());

        files["services/api/pom.xml"] = "<project><parent><artifactId>spring-boot-starter-parent</artifactId><relativePath/></parent></project>";
        Assert.DoesNotContain("services/pom.xml?", Run("mvn -f services/api/pom.xml dependency:go-offline", files).Reads());
    }

    [Fact]
    public void Gradle_reads_the_lock_files_of_every_project_and_write_locks_may_rewrite_them()
    {
        var files = new Dictionary<string, string> { ["settings.gradle.kts"] = "include(\":app\")\n", ["gradle.lockfile"] = "empty=\n", ["app/gradle.lockfile"] = "empty=\n" };

        var effect = Run("gradle dependencies", files);

        Assert.Contains("gradle.lockfile?", effect.Reads());
        Assert.Contains("settings-gradle.lockfile?", effect.Reads());
        Assert.Contains("app/gradle.lockfile?", effect.Reads());
        Assert.Empty(effect.MayRewrite);
        Assert.Contains("app/gradle.lockfile", Run("gradle dependencies --write-locks", files).MayRewrite);
        Assert.Contains("gradle.lockfile", Run("gradle dependencies --update-locks org.slf4j:slf4j-api", files).MayRewrite);
    }

    [Theory]
    [InlineData("dependencyResolutionManagement {\n  versionCatalogs {\n    create(\"libs\") {\n      from(files(\"catalogs/libs.versions.toml\"))\n    }\n  }\n}\n")]
    [InlineData("dependencyResolutionManagement {\n  versionCatalogs {\n    libs {\n      from files('catalogs/libs.versions.toml')\n    }\n  }\n}\n")]
    [InlineData("dependencyResolutionManagement.versionCatalogs.create(\"libs\") { from(files(\"$rootDir/catalogs/libs.versions.toml\")) }\n")]
    public void Gradle_reads_a_version_catalog_imported_from_a_file(string settings)
    {
        var effect = Run("gradle dependencies", new Dictionary<string, string> { ["settings.gradle"] = settings });

        Assert.Contains("catalogs/libs.versions.toml", effect.Reads());
        Assert.False(effect.Unverified);
    }

    [Fact]
    public void Gradle_with_a_computed_catalog_path_is_unverified_and_an_image_path_is_not_read()
    {
        var computed = Run("gradle dependencies", new Dictionary<string, string> { ["settings.gradle.kts"] = "versionCatalogs { create(\"libs\") { from(files(\"$catalogDir/libs.versions.toml\")) } }\n" });
        Assert.True(computed.Unverified);
        Assert.Contains("version catalog", computed.UnverifiedReason, StringComparison.Ordinal);

        var image = Run("gradle dependencies", new Dictionary<string, string> { ["settings.gradle.kts"] = "versionCatalogs { create(\"libs\") { from(files(\"/opt/libs.versions.toml\")) } }\n" });
        Assert.False(image.Unverified);
        Assert.DoesNotContain(image.Reads(), read => read.Contains("libs.versions.toml", StringComparison.Ordinal));
    }
    [Fact]
    public void Maven_reads_a_file_repository_of_the_project_but_not_a_deploy_target()
    {
        var files = new Dictionary<string, string>
        {
            ["pom.xml"] = "<project><repositories><repository><url>file://${project.basedir}/local-repo</url></repository></repositories>"
                + "<distributionManagement><repository><url>file://${project.basedir}/staging</url></repository></distributionManagement></project>",
        };

        var effect = Run("mvn -B dependency:go-offline", files);

        Assert.Contains("local-repo/", effect.Reads());
        Assert.DoesNotContain(effect.Reads(), read => read.Contains("staging", StringComparison.Ordinal));

        files["pom.xml"] = "<project><repositories><repository><url>file://${user.home}/repo</url></repository></repositories></project>";
        Assert.True(Run("mvn -B dependency:go-offline", files).Unverified);
    }
}
