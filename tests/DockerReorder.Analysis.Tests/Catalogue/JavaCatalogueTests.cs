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
}
