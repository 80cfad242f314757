using DockerReorder.Analysis.Catalogue;
using static DockerReorder.Analysis.Tests.Catalogue.CatalogueHarness;

namespace DockerReorder.Analysis.Tests.Catalogue;

/// <summary>Dart (pub) and Swift (SwiftPM).</summary>
public sealed class DartSwiftCatalogueTests
{
    private static readonly Dictionary<string, string> Pubspec = new() { ["pubspec.yaml"] = "name: server\ndependencies:\n  shelf: ^1.4.1\n", ["pubspec.lock"] = "packages:\n" };

    [Fact]
    public void Dart_pub_get_reads_the_pubspec_its_lock_and_overrides()
    {
        var effect = Run("dart pub get", Pubspec);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["pubspec.yaml", "pubspec.lock?", "pubspec_overrides.yaml?"], effect.Reads());
        Assert.Equal([".dart_tool", "~/.pub-cache"], effect.Writes);
        Assert.Empty(effect.MayRewrite);
        Assert.Equal(["pubspec.lock"], Run("dart pub upgrade", Pubspec).MayRewrite);
        Assert.Equal(["pubspec.lock"], Run("dart pub get", new Dictionary<string, string> { ["pubspec.yaml"] = "name: a\n" }).MayRewrite);
        Assert.Empty(Run("dart pub get --enforce-lockfile", new Dictionary<string, string> { ["pubspec.yaml"] = "name: a\n" }).MayRewrite);
        Assert.Equal(["srv/pubspec.yaml", "srv/pubspec.lock?", "srv/pubspec_overrides.yaml?"], Run("dart pub get -C srv").Reads());
    }

    [Theory]
    [InlineData("name: app\ndependencies:\n  models:\n    path: ../models\n", "depends on a local path")]
    [InlineData("name: root\nworkspace:\n  - pkgs/api\n", "resolves a pub workspace")]
    [InlineData("name: api\nresolution: workspace\n", "resolves a pub workspace")]
    public void Dart_path_dependencies_and_workspaces_need_the_source(string pubspec, string why)
    {
        var effect = Run("dart pub get", new Dictionary<string, string> { ["pubspec.yaml"] = pubspec });

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Contains(why, effect.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Flutter_pub_get_and_dart_builds_need_the_source()
    {
        Assert.Equal(StepEffectKind.NeedsSource, Run("flutter pub get", Pubspec).Kind);
        Assert.True(Run("flutter pub get", Pubspec).InstallsDependencies);
        Assert.Equal(StepEffectKind.NeedsSource, Run("dart compile exe bin/server.dart -o bin/server").Kind);
        Assert.Equal(StepEffectKind.ReadsNothing, Run("dart pub global activate protoc_plugin").Kind);
        Assert.Equal(StepEffectKind.ReadsNothing, Run("flutter precache --web").Kind);
    }

    private static readonly Dictionary<string, string> Package = new()
    {
        ["Package.swift"] = "let package = Package(name: \"hello\", dependencies: [.package(url: \"https://github.com/vapor/vapor.git\", from: \"4.99.3\")])\n",
        ["Package.resolved"] = "{}",
    };

    [Fact]
    public void Swift_package_resolve_reads_the_manifest_its_lock_and_mirrors()
    {
        var effect = Run("swift package resolve --force-resolved-versions", Package);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["Package.swift", "Package.resolved?", ".swiftpm/configuration?/"], effect.Reads());
        Assert.Equal([".build"], effect.Writes);
        Assert.Equal(["Package.resolved"], Run("swift package update", Package).MayRewrite);
        Assert.Empty(Run("swift package resolve", Package).MayRewrite);
        Assert.Equal(["Package.resolved"], Run("swift package resolve", new Dictionary<string, string> { ["Package.swift"] = "let package = Package(name: \"a\")\n" }).MayRewrite);
        Assert.Equal(["/tmp/scratch"], Run("swift package resolve --scratch-path /tmp/scratch", Package).Writes);
    }

    [Theory]
    [InlineData(".package(path: \"../Shared\")", "depends on a local package")]
    [InlineData("let version = try! String(contentsOfFile: \"VERSION\")", "(`contentsOfFile`)")]
    public void Swift_local_packages_and_manifests_reading_files_need_the_source(string line, string why)
    {
        var effect = Run("swift package resolve", new Dictionary<string, string> { ["Package.swift"] = line + "\nlet package = Package(name: \"a\")\n" });

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Contains(why, effect.Reason, StringComparison.Ordinal);
        Assert.Equal(StepEffectKind.NeedsSource, Run("swift build -c release").Kind);
    }
}
