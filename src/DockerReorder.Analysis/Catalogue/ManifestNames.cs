using System.Collections.Frozen;

namespace DockerReorder.Analysis.Catalogue;

/// <summary>File names that are dependency manifests, lock files or package-manager configuration, for every ecosystem the catalogue knows.</summary>
internal static class ManifestNames
{
    private static readonly FrozenSet<string> Names = FrozenSet.ToFrozenSet(
    [
        "requirements.txt", "constraints.txt", "pyproject.toml", "poetry.lock", "poetry.toml", "Pipfile", "Pipfile.lock", "uv.lock", "setup.cfg",
        "package.json", "package-lock.json", "npm-shrinkwrap.json", ".npmrc", "yarn.lock", ".yarnrc", ".yarnrc.yml", "pnpm-lock.yaml",
        "pnpm-workspace.yaml", "bun.lockb", "bun.lock", "bunfig.toml",
        "go.mod", "go.sum", "go.work", "go.work.sum",
        "Gemfile", "Gemfile.lock", "gems.rb", "gems.locked",
        "composer.json", "composer.lock", "auth.json",
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config", "nuget.config", "NuGet.Config", "global.json", "packages.lock.json",
        "pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "gradle.properties",
        "Cargo.toml", "Cargo.lock", "recipe.json",
        "mix.exs", "mix.lock",
    ], StringComparer.Ordinal);

    /// <summary>True when <paramref name="path"/>'s file name is a manifest (including <c>requirements*.txt</c> and project files).</summary>
    internal static bool IsManifest(string path)
    {
        var name = WorkingPath.FileName(path);
        return Names.Contains(name)
            || name.StartsWith("requirements", StringComparison.Ordinal) && name.EndsWith(".txt", StringComparison.Ordinal)
            || name.EndsWith(".csproj", StringComparison.Ordinal) || name.EndsWith(".fsproj", StringComparison.Ordinal)
            || name.EndsWith(".vbproj", StringComparison.Ordinal) || name.EndsWith(".sln", StringComparison.Ordinal);
    }
}
